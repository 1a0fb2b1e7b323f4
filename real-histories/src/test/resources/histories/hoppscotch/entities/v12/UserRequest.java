package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;

@Table(name = "UserRequest")
public class UserRequest {
  @Id
  String id;

  @Column(name = "collectionID")
  @References(value = UserCollection.class, onDelete = ReferentialAction.RESTRICT, onUpdate = ReferentialAction.CASCADE)
  String collectionID;

  @Column(name = "userUid")
  @References(value = User.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE)
  String userUid;

  String title;

  @Json
  String request;

  ReqType type;

  @Column(name = "orderIndex")
  int orderIndex;

  @Column(name = "createdOn", type = "timestamptz(3)")
  @Default("CURRENT_TIMESTAMP")
  OffsetDateTime createdOn;

  @Column(name = "updatedOn", type = "timestamptz(3)")
  OffsetDateTime updatedOn;
}
