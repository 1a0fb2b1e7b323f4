package hoppscotch;

import dev.schemacode.annotations.PgEnum;

@PgEnum(name = "TeamMemberRole")
public enum TeamMemberRole {
  OWNER,
  VIEWER,
  EDITOR
}
