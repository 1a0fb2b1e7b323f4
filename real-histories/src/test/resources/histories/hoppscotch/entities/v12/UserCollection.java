package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
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

  @Column(name = "createdOn", type = "timestamptz(3)")
  @Default("CURRENT_TIMESTAMP")
  OffsetDateTime createdOn;

  @Column(name = "updatedOn", type = "timestamptz(3)")
  OffsetDateTime updatedOn;

  @Json
  @Nullable String data;
}
