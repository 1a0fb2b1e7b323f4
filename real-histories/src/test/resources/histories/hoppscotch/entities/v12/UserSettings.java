package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;

@Table(name = "UserSettings")
@Index(columns = {"userUid"}, unique = true, name = "UserSettings_userUid_key")
public class UserSettings {
  @Id
  String id;

  @Column(name = "userUid")
  @References(value = User.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE)
  String userUid;

  @Json
  String properties;

  @Column(name = "updatedOn", type = "timestamptz(3)")
  OffsetDateTime updatedOn;
}
