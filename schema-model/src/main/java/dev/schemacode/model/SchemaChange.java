package dev.schemacode.model;

import java.util.List;
import java.util.Optional;

/**
 * One change between two schemas. Each knows how to say itself in words, which migration file
 * ({@link Phase}) it belongs to, what makes it risky, and whether it can lose data (then it needs an
 * acknowledgement in code, named by {@link #dataLoss()}). {@link PostgresRenderer} turns it into SQL.
 */
public sealed interface SchemaChange {
  /** The change in words, for migration headers and drift reports. */
  String describe();

  /** A short name fragment for the migration file's slug. */
  String slug();

  default Phase phase() {
    return Phase.MAIN;
  }

  /** What makes this step risky on a live database (locks, rewrites, failures), if anything. */
  default Optional<String> risk() {
    return Optional.empty();
  }

  /** The acknowledgement this change needs because it can lose data, e.g. {@code drop column customer.fax}. */
  default Optional<String> dataLoss() {
    return Optional.empty();
  }

  // ---- schemas and enum types

  record CreateSchema(String schema) implements SchemaChange {
    public String describe() { return "create schema " + schema; }
    public String slug() { return "create_schema_" + schema; }
  }

  record CreateEnum(EnumType type) implements SchemaChange {
    public String describe() { return "create enum type " + type.name() + " (" + String.join(", ", type.labels()) + ")"; }
    public String slug() { return "create_" + type.name().name(); }
  }

  record DropEnum(EnumType type) implements SchemaChange {
    public String describe() { return "drop enum type " + type.name(); }
    public String slug() { return "drop_" + type.name().name(); }
  }

  /** {@code ALTER TYPE … ADD VALUE … BEFORE/AFTER}, keeping the declared order. */
  record AddEnumValue(QualifiedName type, String value, Optional<String> before, Optional<String> after)
      implements SchemaChange {
    public String describe() { return "add value " + value + " to enum type " + type; }
    public String slug() { return "extend_" + type.name(); }
    public Phase phase() { return Phase.ENUM_VALUES; }
  }

  /**
   * {@code ALTER TYPE … RENAME VALUE}. In the main file, unless the type also gets new values: then in
   * their earlier file, before them ({@code phase} {@link Phase#ENUM_VALUES}), as a new value may be
   * placed next to the renamed one or take the name it gives up.
   */
  record RenameEnumValue(QualifiedName type, String from, String to, Phase phase) implements SchemaChange {
    public RenameEnumValue(QualifiedName type, String from, String to) {
      this(type, from, to, Phase.MAIN);
    }
    public String describe() { return "rename value " + from + " of enum type " + type + " to " + to; }
    public String slug() { return "rename_" + type.name() + "_" + to.toLowerCase(java.util.Locale.ROOT); }
  }

  /**
   * What PostgreSQL cannot do in place (removing or reordering values): the old type renamed to
   * {@link #replaced()}, a new type, every column that keeps the type converted to it through text.
   * Rows holding a removed value make it fail. The replaced type is dropped by a {@link DropEnum}
   * later in the migration, once the columns that leave the type or go have done so; columns and
   * tables added in the same migration come after the rebuild and use the new type.
   */
  record RebuildEnum(EnumType from, EnumType to, List<ColumnRef> columns) implements SchemaChange {
    /** The old type under the name it has between the rebuild and its drop. */
    public EnumType replaced() {
      return new EnumType(new QualifiedName(from.name().schema(), from.name().name() + "__old"), from.labels());
    }

    public String describe() {
      List<String> removed = from.labels().stream().filter(l -> !to.labels().contains(l)).toList();
      return "rebuild enum type " + to.name() + " as (" + String.join(", ", to.labels()) + ")"
          + (removed.isEmpty() ? "" : ", removing " + String.join(", ", removed));
    }
    public String slug() { return "rebuild_" + to.name().name(); }
    public Optional<String> risk() {
      return Optional.of("rewrites " + (columns.isEmpty() ? "no table" : "every table with a " + to.name() + " column")
          + " under an ACCESS EXCLUSIVE lock; fails if a row holds a removed value");
    }
    public Optional<String> dataLoss() {
      List<String> removed = from.labels().stream().filter(l -> !to.labels().contains(l)).toList();
      return removed.isEmpty() ? Optional.empty()
          : Optional.of("drop enum value " + to.name() + "." + String.join(",", removed));
    }
  }

  /**
   * A column that uses an enum type (directly or as an array), for rebuilds: as it was, and the
   * default it is to have afterwards. The rebuild drops the old default (it cannot be cast to the new
   * type) and sets the declared one, which may name a value only the new type has.
   */
  record ColumnRef(QualifiedName table, Column column, Optional<String> newDefault) {
    public ColumnRef(QualifiedName table, Column column) {
      this(table, column, column.defaultExpression());
    }
  }

  // ---- tables

  record CreateTable(Table table) implements SchemaChange {
    public String describe() {
      return "create table " + table.name() + " (" + table.columns().size()
          + (table.columns().size() == 1 ? " column)" : " columns)");
    }
    public String slug() { return "create_" + table.name().name(); }
  }

  record DropTable(Table table) implements SchemaChange {
    public String describe() { return "drop table " + table.name(); }
    public String slug() { return "drop_" + table.name().name(); }
    public Optional<String> risk() { return Optional.of("deletes table " + table.name() + " and all its rows"); }
    public Optional<String> dataLoss() { return Optional.of("drop table " + table.name()); }
  }

  /**
   * {@code identityColumns}: the table's identity columns at the rename, whose sequences go with a
   * table that moves to another schema and may meet a sequence of the same name there.
   */
  record RenameTable(QualifiedName from, QualifiedName to, List<String> identityColumns) implements SchemaChange {
    public RenameTable {
      identityColumns = List.copyOf(identityColumns);
    }

    public RenameTable(QualifiedName from, QualifiedName to) {
      this(from, to, List.of());
    }

    public String describe() { return "rename table " + from + " to " + to; }
    public String slug() { return "rename_" + from.name() + "_to_" + to.name(); }
    public Optional<String> risk() {
      return Optional.of("application code still using " + from + " breaks; deploy code that uses " + to + " with it");
    }
  }

  record CommentOnTable(QualifiedName table, Optional<String> comment) implements SchemaChange {
    public String describe() { return (comment.isPresent() ? "comment on table " : "remove comment on table ") + table; }
    public String slug() { return "comment_" + table.name(); }
  }

  // ---- columns

  record AddColumn(QualifiedName table, Column column) implements SchemaChange {
    public String describe() { return "add column " + table + "." + column.name() + " " + column.type(); }
    public String slug() { return "add_" + table.name() + "_" + column.name(); }
    public Optional<String> risk() {
      return column.defaultExpression().filter(Volatility::isVolatile)
          .map(d -> "the volatile default " + d + " rewrites " + table + " under an ACCESS EXCLUSIVE lock");
    }
  }

  record DropColumn(QualifiedName table, Column column) implements SchemaChange {
    public String describe() { return "drop column " + table + "." + column.name(); }
    public String slug() { return "drop_" + table.name() + "_" + column.name(); }
    public Optional<String> risk() { return Optional.of("deletes the data of column " + table + "." + column.name()); }
    public Optional<String> dataLoss() { return Optional.of("drop column " + table + "." + column.name()); }
  }

  record RenameColumn(QualifiedName table, String from, String to) implements SchemaChange {
    public String describe() { return "rename column " + table + "." + from + " to " + to; }
    public String slug() { return "rename_" + table.name() + "_" + from + "_to_" + to; }
    public Optional<String> risk() {
      return Optional.of("application code still using " + table + "." + from + " breaks; deploy them together");
    }
  }

  /**
   * A column's new type. {@code labels} are the new type's when it is an enum type (so that a narrowing
   * from text can count the rows holding something else), otherwise empty.
   */
  record AlterColumnType(QualifiedName table, String column, String from, String to, TypeChange kind,
      List<String> labels) implements SchemaChange {
    public AlterColumnType {
      labels = List.copyOf(labels);
    }
    public AlterColumnType(QualifiedName table, String column, String from, String to, TypeChange kind) {
      this(table, column, from, to, kind, List.of());
    }
    public String describe() { return "change type of " + table + "." + column + " from " + from + " to " + to; }
    public String slug() { return "alter_" + table.name() + "_" + column; }
    public Optional<String> risk() {
      return switch (kind) {
        case NO_REWRITE -> Optional.empty();
        case REWRITE -> Optional.of("rewrites " + table + " under an ACCESS EXCLUSIVE lock");
        case NARROWING -> Optional.of("rewrites " + table + " under an ACCESS EXCLUSIVE lock; fails, changing nothing,"
            + " if a value does not fit " + to + " (counted first where PostgreSQL would cut or round it)");
      };
    }
    public Optional<String> dataLoss() {
      return kind == TypeChange.NARROWING
          ? Optional.of("narrow column " + table + "." + column + " to " + to) : Optional.empty();
    }
  }

  /** Set ({@code expression} present) or drop a column default. */
  record SetColumnDefault(QualifiedName table, String column, Optional<String> expression) implements SchemaChange {
    public String describe() {
      return expression.map(e -> "set default of " + table + "." + column + " to " + e)
          .orElse("drop default of " + table + "." + column);
    }
    public String slug() { return "default_" + table.name() + "_" + column; }
  }

  /**
   * The first half of {@code SET NOT NULL} on an existing table: a {@code NOT VALID} check, cheap to
   * add; {@link SetNotNull} validates it in its own transaction, after which PostgreSQL 12+ sets
   * {@code NOT NULL} without scanning the table.
   */
  record AddNotNullCheck(QualifiedName table, String column, String checkName) implements SchemaChange {
    public String describe() { return "make " + table + "." + column + " NOT NULL (check, not yet validated)"; }
    public String slug() { return "require_" + table.name() + "_" + column; }
  }

  record SetNotNull(QualifiedName table, String column, Optional<String> checkName) implements SchemaChange {
    public String describe() { return "set " + table + "." + column + " NOT NULL"; }
    public String slug() { return "require_" + table.name() + "_" + column; }
    public Phase phase() { return checkName.isPresent() ? Phase.VALIDATE : Phase.MAIN; }
    public Optional<String> risk() {
      return Optional.of("fails if " + table + "." + column + " holds NULL; backfill it first");
    }
  }

  record DropNotNull(QualifiedName table, String column) implements SchemaChange {
    public String describe() { return "allow NULL in " + table + "." + column; }
    public String slug() { return "optional_" + table.name() + "_" + column; }
  }

  /**
   * {@code ADD GENERATED BY DEFAULT AS IDENTITY}. PostgreSQL wants the column NOT NULL first; a column
   * that was nullable gets that in the safe form, so its identity follows in the same later file
   * ({@code phase} {@link Phase#VALIDATE}).
   */
  record AddIdentity(QualifiedName table, String column, Phase phase) implements SchemaChange {
    public AddIdentity(QualifiedName table, String column) {
      this(table, column, Phase.MAIN);
    }
    public String describe() { return "make " + table + "." + column + " an identity column"; }
    public String slug() { return "identity_" + table.name() + "_" + column; }
  }

  record DropIdentity(QualifiedName table, String column) implements SchemaChange {
    public String describe() { return "stop generating " + table + "." + column + " as identity"; }
    public String slug() { return "drop_identity_" + table.name() + "_" + column; }
  }

  record CommentOnColumn(QualifiedName table, String column, Optional<String> comment) implements SchemaChange {
    public String describe() {
      return (comment.isPresent() ? "comment on column " : "remove comment on column ") + table + "." + column;
    }
    public String slug() { return "comment_" + table.name() + "_" + column; }
  }

  // ---- keys, constraints, indexes

  /**
   * A primary key. On a table that already exists its unique index is built {@code CONCURRENTLY}
   * first ({@link CreateIndex}) and attached here with {@code USING INDEX} ({@code usingIndex}),
   * unless a foreign key added in the same migration needs the key before that file runs.
   */
  record AddPrimaryKey(QualifiedName table, PrimaryKey key, boolean usingIndex) implements SchemaChange {
    public AddPrimaryKey(QualifiedName table, PrimaryKey key) {
      this(table, key, false);
    }
    public String describe() { return "add primary key " + key.name() + " on " + table + " (" + String.join(", ", key.columns()) + ")"; }
    public String slug() { return "add_" + key.name(); }
    public Phase phase() { return usingIndex ? Phase.VALIDATE : Phase.MAIN; }
    public Optional<String> risk() {
      return usingIndex ? Optional.empty()
          : Optional.of("builds a unique index on " + table + " under an ACCESS EXCLUSIVE lock");
    }
  }

  record DropPrimaryKey(QualifiedName table, PrimaryKey key) implements SchemaChange {
    public String describe() { return "drop primary key " + key.name() + " on " + table; }
    public String slug() { return "drop_" + key.name(); }
  }

  /**
   * A unique constraint. On a table that already exists its index is built
   * {@code CONCURRENTLY} first ({@link CreateIndex}) and attached here with {@code USING INDEX}.
   */
  record AddUnique(QualifiedName table, UniqueConstraint unique, boolean usingIndex) implements SchemaChange {
    public String describe() { return "add unique constraint " + unique.name() + " on " + table + " (" + String.join(", ", unique.columns()) + ")"; }
    public String slug() { return "add_" + unique.name(); }
    public Phase phase() { return usingIndex ? Phase.VALIDATE : Phase.MAIN; }
  }

  record AddCheck(QualifiedName table, CheckConstraint check, boolean notValid) implements SchemaChange {
    public String describe() { return "add check " + check.name() + " on " + table + (notValid ? " (validated separately)" : ""); }
    public String slug() { return "add_" + check.name(); }
  }

  /** Foreign keys on existing tables are added {@code NOT VALID} and validated separately. */
  record AddForeignKey(QualifiedName table, ForeignKey foreignKey, boolean notValid) implements SchemaChange {
    public AddForeignKey(QualifiedName table, ForeignKey foreignKey) {
      this(table, foreignKey, false);
    }
    public String describe() {
      return "add foreign key " + foreignKey.name() + " on " + table + " (" + String.join(", ", foreignKey.columns())
          + ") referencing " + foreignKey.target() + (notValid ? " (validated separately)" : "");
    }
    public String slug() { return "add_" + foreignKey.name(); }
  }

  record ValidateConstraint(QualifiedName table, String constraint) implements SchemaChange {
    public String describe() { return "validate " + constraint + " on " + table; }
    public String slug() { return "validate_" + constraint; }
    public Phase phase() { return Phase.VALIDATE; }
    public Optional<String> risk() {
      return Optional.of("scans " + table + " under a SHARE UPDATE EXCLUSIVE lock (reads and writes go on); fails on rows that violate it");
    }
  }

  /** Drops a unique, check or foreign-key constraint (or a primary key). */
  record DropConstraint(QualifiedName table, String constraint, String kind) implements SchemaChange {
    public String describe() { return "drop " + kind + " " + constraint + " on " + table; }
    public String slug() { return "drop_" + constraint; }
  }

  record RenameConstraint(QualifiedName table, String from, String to) implements SchemaChange {
    public String describe() { return "rename constraint " + from + " on " + table + " to " + to; }
    public String slug() { return "rename_" + from + "_to_" + to; }
  }

  /** An index; on an existing table it is built {@code CONCURRENTLY}, outside a transaction. */
  record CreateIndex(QualifiedName table, Index index, boolean concurrently) implements SchemaChange {
    public CreateIndex(QualifiedName table, Index index) {
      this(table, index, false);
    }
    public String describe() {
      return "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table
          + " (" + String.join(", ", index.columns()) + ")" + (concurrently ? " concurrently" : "");
    }
    public String slug() { return "add_" + index.name(); }
    public Phase phase() { return concurrently ? Phase.CONCURRENT : Phase.MAIN; }
    public Optional<String> risk() {
      return concurrently
          ? Optional.of("builds an index on " + table + " concurrently: reads and writes go on; on failure an invalid index remains, which a rerun replaces")
          : Optional.empty();
    }
  }

  /**
   * An index; on an existing table it is dropped {@code CONCURRENTLY}, outside a transaction, as it is
   * built: a plain {@code DROP INDEX} takes an ACCESS EXCLUSIVE lock on the table.
   */
  record DropIndex(QualifiedName table, Index index, boolean concurrently) implements SchemaChange {
    public String describe() { return "drop index " + index.name() + " on " + table + (concurrently ? " concurrently" : ""); }
    public String slug() { return "drop_" + index.name(); }
    public Phase phase() { return concurrently ? Phase.CONCURRENT : Phase.MAIN; }
  }

  record RenameIndex(QualifiedName table, String from, String to) implements SchemaChange {
    public String describe() { return "rename index " + from + " on " + table + " to " + to; }
    public String slug() { return "rename_" + from + "_to_" + to; }
  }
}
