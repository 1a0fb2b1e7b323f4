package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

@Table(name = "UserCollection")
public class UserCollection {
  @Id
  String id;

  @Column(name = "parentID")
  @References(value = UserCollection.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE)
  @Nullable String parentID;

  @Column(name = "userUid")
  @References(value = User.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE)
  String userUid;

  String title;

  @Column(name = "orderIndex")
  int orderIndex;

  ReqType type;

  @Column(name = "createdOn", type = "timestamp(3)")
  @Default("CURRENT_TIMESTAMP")
  LocalDateTime createdOn;

  @Column(name = "updatedOn", type = "timestamp(3)")
  LocalDateTime updatedOn;

  @Json
  @Nullable String data;
}
