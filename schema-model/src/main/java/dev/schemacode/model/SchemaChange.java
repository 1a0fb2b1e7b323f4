package dev.schemacode.model;

/** One change between two schemas; {@link PostgresRenderer} turns each into SQL. */
public sealed interface SchemaChange {
  /** The change in words, for migration headers and drift reports. */
  String describe();

  /** A short name fragment for the migration file's slug. */
  String slug();

  record CreateSchema(String schema) implements SchemaChange {
    @Override
    public String describe() {
      return "create schema " + schema;
    }

    @Override
    public String slug() {
      return "create_schema_" + schema;
    }
  }

  record CreateEnum(EnumType type) implements SchemaChange {
    @Override
    public String describe() {
      return "create enum type " + type.name() + " (" + String.join(", ", type.labels()) + ")";
    }

    @Override
    public String slug() {
      return "create_" + type.name().name();
    }
  }

  record CreateTable(Table table) implements SchemaChange {
    @Override
    public String describe() {
      return "create table " + table.name() + " (" + table.columns().size()
          + (table.columns().size() == 1 ? " column)" : " columns)");
    }

    @Override
    public String slug() {
      return "create_" + table.name().name();
    }
  }

  record AddForeignKey(QualifiedName table, ForeignKey foreignKey) implements SchemaChange {
    @Override
    public String describe() {
      return "add foreign key " + foreignKey.name() + " on " + table + " (" + String.join(", ", foreignKey.columns())
          + ") referencing " + foreignKey.target();
    }

    @Override
    public String slug() {
      return "add_" + foreignKey.name();
    }
  }

  record CreateIndex(QualifiedName table, Index index) implements SchemaChange {
    @Override
    public String describe() {
      return "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table
          + " (" + String.join(", ", index.columns()) + ")";
    }

    @Override
    public String slug() {
      return "add_" + index.name();
    }
  }

  record CommentOnTable(QualifiedName table, String comment) implements SchemaChange {
    @Override
    public String describe() {
      return "comment on table " + table;
    }

    @Override
    public String slug() {
      return "comment_" + table.name();
    }
  }

  record CommentOnColumn(QualifiedName table, String column, String comment) implements SchemaChange {
    @Override
    public String describe() {
      return "comment on column " + table + "." + column;
    }

    @Override
    public String slug() {
      return "comment_" + table.name() + "_" + column;
    }
  }
}
