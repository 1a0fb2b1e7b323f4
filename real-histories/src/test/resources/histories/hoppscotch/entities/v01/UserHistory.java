package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.LocalDateTime;

@Table(name = "UserHistory")
public class UserHistory {
  @Id
  String id;

  @Column(name = "userUid")
  @References(value = User.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE)
  String userUid;

  @Column(name = "reqType")
  ReqType reqType;

  @Json
  String request;

  @Column(name = "responseMetadata")
  @Json
  String responseMetadata;

  @Column(name = "isStarred")
  boolean isStarred;

  @Column(name = "executedOn", type = "timestamp(3)")
  @Default("CURRENT_TIMESTAMP")
  LocalDateTime executedOn;
}
