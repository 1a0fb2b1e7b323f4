package hoppscotch;

import dev.schemacode.annotations.PgEnum;

@PgEnum(name = "ReqType")
public enum ReqType {
  REST,
  GQL
}
