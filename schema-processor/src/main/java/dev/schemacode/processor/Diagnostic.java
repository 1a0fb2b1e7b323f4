package dev.schemacode.processor;

/**
 * Every message the processor can print, with its tag. Users search for the tag; tests match it.
 * A message says what is wrong and how to fix it.
 */
enum Diagnostic {
  TABLE_ON_WRONG_ELEMENT("TableTarget",
      "@Table belongs on a class or record, not on %s %s; move it to the class that holds the columns"),
  TABLE_NOT_TOP_LEVEL_OR_STATIC("TableNested",
      "@Table class %s is an inner class; make it a top-level or static nested class"),
  DUPLICATE_TABLE("DuplicateTable",
      "table %s is declared twice, by %s and %s; give one of them a different @Table(name = ...)"),
  NO_COLUMNS("NoColumns",
      "table %s has no columns; add a field, or remove @Table"),
  DUPLICATE_COLUMN("DuplicateColumn",
      "column %s of table %s comes from two fields, %s and %s; rename one with @Column(name = ...)"),
  UNMAPPABLE_TYPE("UnmappableType",
      "field %s has type %s, which has no PostgreSQL mapping; declare the SQL type with"
          + " @Column(type = \"...\"), change the Java type, or mark the field @Transient"),
  TRANSIENT_COLUMN("TransientColumn",
      "field %s is both @Transient and @Column; remove one of them"),
  TRANSIENT_ID("TransientId",
      "field %s is both @Transient and @Id; a primary-key column must be a column"),
  NULLABLE_ID("NullableId",
      "primary-key field %s is nullable (%s); primary-key columns are NOT NULL, so remove it"),
  IDENTITY_TYPE("IdentityType",
      "@Identity needs an integer column (short, int, long or their boxes); field %s is %s"),
  LENGTH_NOT_TEXT("LengthNotText",
      "@Column(length = %d) on field %s applies to String fields only; remove length or use @Column(type = \"...\")"),
  LENGTH_NOT_POSITIVE("LengthNotPositive",
      "@Column(length = %d) on field %s must be between 1 and 10485760"),
  PRECISION_NOT_DECIMAL("PrecisionNotDecimal",
      "@Column(precision, scale) on field %s applies to BigDecimal fields only"),
  BAD_PRECISION("BadPrecision",
      "@Column(precision = %d, scale = %d) on field %s is invalid; precision must be 1..1000 and scale 0..precision"),
  TYPE_WITH_SIZE("TypeWithSize",
      "field %s sets both @Column(type) and length/precision/scale; write the size into the type, e.g. \"varchar(40)\""),
  BAD_NAME("BadName",
      "%s name '%s' on %s is not a usable PostgreSQL identifier: %s"),
  MIGRATIONS_DIRECTORY("MigrationsDirectory",
      "cannot tell where migrations live: %s; pass -Aschemacode.migrations=<directory> to javac"
          + " (with Maven: <compilerArgs><arg>-Aschemacode.migrations=${project.basedir}/src/main/resources/db/migration</arg></compilerArgs>)"),
  BAD_MODE("Mode",
      "-Aschemacode.mode=%s is not a mode; use generate (the default), verify or push"),
  LEDGER_UNREADABLE("Ledger",
      "%s; nothing was written"),
  MIGRATION_MODIFIED("ModifiedMigration",
      "%s was edited after it was recorded (its SHA-256 is %s, the ledger recorded %s); recorded migrations"
          + " are immutable: restore the file from version control and put the new change in a new migration"),
  MIGRATION_MISSING("MissingMigration",
      "%s is recorded in %s but the file is missing; restore it from version control"),
  BAD_MIGRATION_NAME("MigrationName",
      "%s in %s is not named V<version>__<name>.sql; rename it so that it runs, or move it out of the directory"),
  MIGRATION_OUT_OF_ORDER("OutOfOrderMigration",
      "%s is not recorded in the ledger but its version is not newer than the last recorded migration %s:"
          + " two branches added migrations with the same version. %s"),
  UNRECORDED_MIGRATION("UnrecordedMigration",
      "%s is not recorded in %s; run the build in generate mode (the default) to record it, and commit the ledger"),
  REQUIRED_COLUMN_NEEDS_DEFAULT("RequiredColumnNeedsDefault",
      "%s; no migration was written"),
  EXPRESSION_NAMES_GONE_COLUMN("ExpressionNamesGoneColumn",
      "%s; no migration was written"),
  UNSUPPORTED_CHANGE("UnsupportedChange",
      "%s; no migration was written"),
  DATA_LOSS("DataLoss",
      "%s would delete data, so it needs an acknowledgement in code; if that is intended, add%n"
          + "    %s%n"
          + "  to any class of this compilation (for example %s), or to a package-info.java, and build again."
          + " No migration was written"),
  DRIFT("Drift",
      "the entities differ from the schema recorded by the migrations, and no migration records the change:%n%s"
          + "%nRun the build in generate mode (the default), review the new migration and commit it"),
  WRITE_FAILED("Write",
      "cannot write %s: %s; nothing was recorded"),
  INTERNAL("Internal",
      "the schemacode annotation processor (dev.schemacode.processor.SchemaProcessor) failed unexpectedly while"
          + " processing %s: %s. This is a bug in schemacode, not in your code: please report it with the stack trace"
          + " that -Aschemacode.debug=true prints"),
  UNKNOWN_COLUMN("UnknownColumn",
      "%s names column '%s', which table %s does not have; use a column name (%s) or a field name"),
  COLUMNS_ON_FIELD("ColumnsOnField",
      "@%s on field %s must not list columns: it applies to the field's own column; move it to the class to span several columns"),
  NO_COLUMNS_LISTED("NoColumnsListed",
      "@%s on class %s must list its columns, e.g. @%s(columns = {\"a\", \"b\"}); or put it on a field"),
  REPEATED_COLUMN("RepeatedColumn",
      "%s lists column '%s' twice"),
  REFERENCE_NOT_TABLE("ReferenceNotTable",
      "@References(%s.class) on %s: %s is not a @Table entity; reference the entity class of the table"),
  REFERENCE_COLUMN_UNKNOWN("ReferenceColumnUnknown",
      "@References on %s names column '%s' of table %s, which has no such column"),
  REFERENCE_NO_KEY("ReferenceNoKey",
      "@References(%s.class) on %s: table %s has %s, so name the referenced column with column = \"...\""),
  REFERENCE_ARITY("ReferenceArity",
      "foreign key %s has %d columns but references %d columns of %s; list as many referencing as referenced columns"),
  REFERENCE_TYPE_MISMATCH("ReferenceTypeMismatch",
      "column %s (%s) references %s.%s (%s); a foreign key needs the same type on both sides: change the field to match"),
  REFERENCE_NOT_UNIQUE("ReferenceNotUnique",
      "foreign key %s references (%s) of %s, which is neither its primary key nor a unique constraint; PostgreSQL requires one"),
  SET_NULL_ON_REQUIRED("SetNullOnRequired",
      "foreign key %s uses SET NULL, but column %s is NOT NULL; make the field @Nullable or choose another action"),
  SET_DEFAULT_WITHOUT_DEFAULT("SetDefaultWithoutDefault",
      "foreign key %s uses SET DEFAULT, but column %s has no @Default and is NOT NULL; add @Default or choose another action"),
  TRANSIENT_CONFLICT("TransientConflict",
      "field %s is @Transient but also @%s; a field that is not a column cannot carry column annotations"),
  IDENTITY_WITH_DEFAULT("IdentityWithDefault",
      "field %s is @Identity and has @Default; an identity column gets its values from PostgreSQL, remove @Default"),
  ENUM_NAME_CLASH("EnumNameClash",
      "enum %s maps to PostgreSQL type %s, which enum %s already uses; name one with @PgEnum(name = \"...\")"),
  ENUM_TABLE_CLASH("EnumTableClash",
      "enum type %s has the name of a table in the same schema (PostgreSQL gives every table a type of its name);"
          + " rename one with @PgEnum(name = \"...\") or @Table(name = \"...\")"),
  EMPTY_ENUM("EmptyEnum",
      "enum %s has no constants; a PostgreSQL enum type needs at least one label"),
  PG_ENUM_TARGET("PgEnumTarget",
      "@PgEnum belongs on an enum, not on %s"),
  INDEX_METHOD("IndexMethod",
      "index method '%s' on %s is not one of btree, hash, gin, gist, brin, spgist"),
  INDEX_UNIQUE_METHOD("IndexUniqueMethod",
      "unique index on %s uses %s; PostgreSQL supports unique indexes only with btree"),
  INDEX_METHOD_COLUMNS("IndexMethodColumns",
      "%s index on %s spans %d columns; PostgreSQL's hash indexes take exactly one column"),
  BLANK_VALUE("BlankValue",
      "%s on %s is blank; write the SQL it stands for, or remove it"),
  DUPLICATE_NAME("DuplicateName",
      "%s '%s' is used twice in schema %s (%s and %s); PostgreSQL needs distinct names: set name = \"...\" on one"),
  RENAMED_FROM_SELF("RenamedFromSelf",
      "@RenamedFrom(\"%s\") on %s names its current name; remove it"),
  RENAMED_FROM_CLASH("RenamedFromClash",
      "@RenamedFrom(\"%s\") on %s names %s, which is declared too; a rename needs the old name to be free."
          + " To swap or shift names, do it in two steps: rename one of them to a name no one uses and build"
          + " (a migration is recorded), then rename the others and build again"),
  RENAMED_FROM_TWICE("RenamedFromTwice",
      "@RenamedFrom(\"%s\") appears on both %s and %s; only one can inherit the old name's data"),
  NESTED_ARRAY("NestedArray",
      "field %s has type %s; arrays and lists of arrays or lists are not mapped, use @Json or @Column(type = \"...\")"),
  JSON_WITH_TYPE("JsonWithType",
      "field %s is @Json and sets @Column(type); @Json means jsonb, remove one of them"),
  LATE_ENTITY("LateEntity",
      "@Table class %s appeared in a later annotation-processing round (generated by another processor);"
          + " schemacode generates migrations in the first round, so declare entities in source"),
  WAITING_FOR_BUILD("Waiting",
      "another build is generating migrations in %s (it holds the lock %s); waiting up to %d s for it to finish"),
  GENERATION_LOCKED("Locked",
      "another build has been generating migrations in %s for %d s and still holds the lock %s; nothing was written."
          + " Build again when it is done. A lock outlives no process, so if no other build runs, a build is stuck:"
          + " stop it; -Aschemacode.generationWait=<seconds> changes how long to wait"),
  GENERATION_LOCK_UNAVAILABLE("LockUnavailable",
      "cannot open the lock file %s that keeps two builds from generating the same migration (%s); generating"
          + " without it, so do not run two builds of these sources at once, or make java.io.tmpdir writable"),
  BAD_GENERATION_WAIT("GenerationWait",
      "-Aschemacode.generationWait=%s is not a number of seconds"),
  REVERSE_WITHOUT_MIGRATION("ReverseWithoutMigration",
      "%s undoes no migration: no recorded or new V%s__*.sql has its version; name a reverse U<version>__<name>.sql"
          + " after the migration it undoes"),
  REVERSE_ALREADY_RECORDED("ReverseAlreadyRecorded",
      "%s is not recorded, but %s is already undone by %s; recorded reverses are immutable like migrations:"
          + " delete the new file"),
  REVERSE_NOT_GENERATED("ReverseNotGenerated",
      "the migration %s has no reverse, so `schemacode revert` cannot undo it: %s"),
  CHECKPOINT_MISMATCH("Checkpoint",
      "%s does not build exactly the schema %s records for it: %s; restore it from version control (or remove the"
          + " checkpoint from the ledger and make it again with `schemacode checkpoint`)"),
  TIMINGS("Timings",
      "where this compilation's schemacode time went: %s"),
  WROTE_MIGRATION("Generated",
      "wrote %s (%s)"),
  POSTPONED("Postponed",
      "no migration written (-Aschemacode.mode=push): the entities differ from the ledger by%n%s%n"
          + "schemacode push applies them to a development database; the next build in generate mode (the default)"
          + " writes them as one migration"),
  DECLARED_UNREADABLE("Declared",
      "the previous build's %s could not be read (%s); tables of classes this compilation did not see are taken"
          + " from the ledger"),
  JOOQ_WRITE_FAILED("JooqWrite",
      "cannot write the jOOQ metamodel's class %s (%s): a class of that name is already declared or generated;"
          + " rename it, or switch the metamodel off with -Aschemacode.jooq=false"),
  JOOQ_TABLE_UNREFERENCED("JooqPartial",
      "the jOOQ metamodel's Tables, Keys, Indexes and schema classes leave out table %s: this compilation did not"
          + " compile its entity and the ledger records no class for it; build every entity once (mvn compile) to record it");

  private final String tag;
  private final String template;

  Diagnostic(String tag, String template) {
    this.tag = tag;
    this.template = template;
  }

  /**
   * The diagnostic for a problem of the model's diff, by its code ({@code SchemaDiff.Problem.code()}
   * is the tag): each problem keeps its own tag, so users can search for it.
   */
  static Diagnostic forProblem(String code) {
    for (Diagnostic diagnostic : values()) {
      if (diagnostic.tag.equals(code) && diagnostic.template.equals("%s; no migration was written")) {
        return diagnostic;
      }
    }
    return UNSUPPORTED_CHANGE;
  }

  String tag() {
    return "[schemacode:" + tag + "]";
  }

  String format(Object... arguments) {
    return tag() + " " + String.format(template, arguments);
  }
}
