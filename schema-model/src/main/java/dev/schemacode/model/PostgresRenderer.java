package dev.schemacode.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Renders schema changes as PostgreSQL DDL. Every identifier is quoted, so reserved words work as names. */
public final class PostgresRenderer {
  private static final String INDENT = "    ";
  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");
  /**
   * Keywords that PostgreSQL's {@code format_type} and {@code quote_ident} quote (reserved, and
   * those that cannot be a type name), so type names here are spelt as the catalog spells them.
   */
  private static final Set<String> KEYWORDS = Set.of(
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
      "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check",
      "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
      "current_catalog", "current_date", "current_role", "current_schema", "current_time",
      "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct",
      "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign",
      "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in",
      "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull",
      "join", "json", "lateral", "leading", "least", "left", "like", "limit", "localtime",
      "localtimestamp", "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null",
      "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay",
      "placing", "position", "precision", "primary", "real", "references", "returning", "right", "row",
      "select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric",
      "system_user", "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat",
      "trim", "true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose",
      "when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists",
      "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");

  private PostgresRenderer() {}

  /** {@code "order"}; embedded double quotes are doubled. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** Quotes only when PostgreSQL would: {@code collection_status}, but {@code "Status"} and {@code "user"}. */
  public static String quoteIfNeeded(String identifier) {
    return PLAIN_IDENTIFIER.matcher(identifier).matches() && !KEYWORDS.contains(identifier)
        ? identifier : quote(identifier);
  }

  /** A user-defined type's name as a column type: {@code collection_status} or {@code billing.status}. */
  public static String typeName(QualifiedName name) {
    return name.inDefaultSchema()
        ? quoteIfNeeded(name.name())
        : quoteIfNeeded(name.schema()) + "." + quoteIfNeeded(name.name());
  }

  /** {@code "billing"."invoice"}, or just {@code "invoice"} in the default schema. */
  public static String qualified(QualifiedName name) {
    return name.inDefaultSchema() ? quote(name.name()) : quote(name.schema()) + "." + quote(name.name());
  }

  /** A SQL string literal. */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** One or more statements, each ending in {@code ;\n}. */
  public static String render(SchemaChange change) {
    if (change instanceof SchemaChange.CreateSchema create) {
      return "CREATE SCHEMA IF NOT EXISTS " + quote(create.schema()) + ";\n";
    }
    if (change instanceof SchemaChange.CreateEnum create) {
      return "CREATE TYPE " + qualified(create.type().name()) + " AS ENUM ("
          + create.type().labels().stream().map(PostgresRenderer::literal).collect(Collectors.joining(", ")) + ");\n";
    }
    if (change instanceof SchemaChange.CreateTable create) {
      return createTable(create.table());
    }
    if (change instanceof SchemaChange.AddForeignKey add) {
      return "ALTER TABLE " + qualified(add.table()) + " ADD " + foreignKey(add.foreignKey()) + ";\n";
    }
    if (change instanceof SchemaChange.CreateIndex create) {
      return createIndex(create.table(), create.index());
    }
    if (change instanceof SchemaChange.CommentOnTable comment) {
      return "COMMENT ON TABLE " + qualified(comment.table()) + " IS " + literal(comment.comment()) + ";\n";
    }
    if (change instanceof SchemaChange.CommentOnColumn comment) {
      return "COMMENT ON COLUMN " + qualified(comment.table()) + "." + quote(comment.column()) + " IS "
          + literal(comment.comment()) + ";\n";
    }
    throw new IllegalArgumentException("no rendering for " + change);
  }

  /** The table with its columns, primary key, unique and check constraints; foreign keys and indexes come after. */
  public static String createTable(Table table) {
    List<String> lines = new ArrayList<>();
    for (Column column : table.columns()) {
      lines.add(INDENT + columnDefinition(column));
    }
    table.primaryKey().ifPresent(key -> lines.add(INDENT + "CONSTRAINT " + quote(key.name())
        + " PRIMARY KEY (" + columnList(key.columns()) + ")"));
    for (UniqueConstraint unique : table.uniques()) {
      lines.add(INDENT + "CONSTRAINT " + quote(unique.name()) + " UNIQUE (" + columnList(unique.columns()) + ")");
    }
    for (CheckConstraint check : table.checks()) {
      lines.add(INDENT + "CONSTRAINT " + quote(check.name()) + " CHECK (" + check.expression() + ")");
    }
    return "CREATE TABLE " + qualified(table.name()) + " (\n" + String.join(",\n", lines) + "\n);\n";
  }

  static String columnDefinition(Column column) {
    StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(column.type());
    if (column.identity()) {
      sql.append(" GENERATED BY DEFAULT AS IDENTITY");
    }
    column.defaultExpression().ifPresent(expression -> sql.append(" DEFAULT ").append(expression));
    if (!column.nullable()) {
      sql.append(" NOT NULL");
    }
    return sql.toString();
  }

  static String foreignKey(ForeignKey key) {
    StringBuilder sql = new StringBuilder("CONSTRAINT ").append(quote(key.name()))
        .append(" FOREIGN KEY (").append(columnList(key.columns())).append(") REFERENCES ")
        .append(qualified(key.target())).append(" (").append(columnList(key.targetColumns())).append(')');
    if (key.onDelete() != ForeignKey.Action.NO_ACTION) {
      sql.append(" ON DELETE ").append(key.onDelete().sql());
    }
    if (key.onUpdate() != ForeignKey.Action.NO_ACTION) {
      sql.append(" ON UPDATE ").append(key.onUpdate().sql());
    }
    return sql.toString();
  }

  static String createIndex(QualifiedName table, Index index) {
    StringBuilder sql = new StringBuilder("CREATE ");
    if (index.unique()) {
      sql.append("UNIQUE ");
    }
    sql.append("INDEX ").append(quote(index.name())).append(" ON ").append(qualified(table));
    if (!index.method().equals(Index.DEFAULT_METHOD)) {
      sql.append(" USING ").append(index.method());
    }
    sql.append(" (").append(columnList(index.columns())).append(')');
    index.where().ifPresent(predicate -> sql.append(" WHERE ").append(predicate));
    return sql.append(";\n").toString();
  }

  static String columnList(List<String> columns) {
    return columns.stream().map(PostgresRenderer::quote).collect(Collectors.joining(", "));
  }
}
