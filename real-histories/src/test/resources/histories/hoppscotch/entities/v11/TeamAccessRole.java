package hoppscotch;

import dev.schemacode.annotations.PgEnum;

@PgEnum(name = "TeamAccessRole")
public enum TeamAccessRole {
  OWNER,
  VIEWER,
  EDITOR
}
