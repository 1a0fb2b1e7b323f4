package hoppscotch;

import dev.schemacode.annotations.*;
import org.jspecify.annotations.Nullable;

@Table(name = "UserEnvironment")
public class UserEnvironment {
  @Id
  String id;

  @Column(name = "userUid")
  @References(value = User.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE)
  String userUid;

  @Nullable String name;

  @Json
  String variables;

  @Column(name = "isGlobal")
  boolean isGlobal;
}
