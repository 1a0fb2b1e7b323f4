package dev.schemacode.annotations;

/** What PostgreSQL does to referencing rows when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
  NO_ACTION,
  RESTRICT,
  CASCADE,
  SET_NULL,
  SET_DEFAULT
}
