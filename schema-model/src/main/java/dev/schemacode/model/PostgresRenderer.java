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
    if (change instanceof SchemaChange.CreateSchema c) {
      return "CREATE SCHEMA IF NOT EXISTS " + quote(c.schema()) + ";\n";
    }
    if (change instanceof SchemaChange.CreateEnum c) {
      return "CREATE TYPE " + qualified(c.type().name()) + " AS ENUM (" + labels(c.type().labels()) + ");\n";
    }
    if (change instanceof SchemaChange.DropEnum c) {
      return "DROP TYPE " + qualified(c.type().name()) + ";\n";
    }
    if (change instanceof SchemaChange.AddEnumValue c) {
      return "ALTER TYPE " + qualified(c.type()) + " ADD VALUE IF NOT EXISTS " + literal(c.value())
          + c.before().map(b -> " BEFORE " + literal(b)).orElse("")
          + c.after().map(a -> " AFTER " + literal(a)).orElse("") + ";\n";
    }
    if (change instanceof SchemaChange.RenameEnumValue c) {
      return "ALTER TYPE " + qualified(c.type()) + " RENAME VALUE " + literal(c.from()) + " TO " + literal(c.to()) + ";\n";
    }
    if (change instanceof SchemaChange.RebuildEnum c) {
      return rebuildEnum(c);
    }
    if (change instanceof SchemaChange.CreateTable c) {
      return createTable(c.table());
    }
    if (change instanceof SchemaChange.DropTable c) {
      return "DROP TABLE " + qualified(c.table().name()) + ";\n";
    }
    if (change instanceof SchemaChange.RenameTable c) {
      StringBuilder sql = new StringBuilder();
      QualifiedName current = c.from();
      if (!c.from().schema().equals(c.to().schema())) {
        String schema = c.to().inDefaultSchema() ? "public" : c.to().schema();
        for (String column : c.identityColumns()) {
          sql.append(sequenceFreeIn(current, column, schema, c.to().name()));
        }
        sql.append("ALTER TABLE ").append(qualified(current)).append(" SET SCHEMA ").append(quote(schema)).append(";\n");
        current = new QualifiedName(c.to().schema(), c.from().name());
      }
      if (!c.from().name().equals(c.to().name())) {
        sql.append("ALTER TABLE ").append(qualified(current)).append(" RENAME TO ").append(quote(c.to().name())).append(";\n");
      }
      return sql.toString();
    }
    if (change instanceof SchemaChange.CommentOnTable c) {
      return "COMMENT ON TABLE " + qualified(c.table()) + " IS " + c.comment().map(PostgresRenderer::literal).orElse("NULL") + ";\n";
    }
    if (change instanceof SchemaChange.AddColumn c) {
      return alter(c.table()) + "ADD COLUMN " + columnDefinition(c.column()) + ";\n";
    }
    if (change instanceof SchemaChange.DropColumn c) {
      return alter(c.table()) + "DROP COLUMN " + quote(c.column().name()) + ";\n";
    }
    if (change instanceof SchemaChange.RenameColumn c) {
      return alter(c.table()) + "RENAME COLUMN " + quote(c.from()) + " TO " + quote(c.to()) + ";\n";
    }
    if (change instanceof SchemaChange.AlterColumnType c) {
      return alterColumnType(c);
    }
    if (change instanceof SchemaChange.SetColumnDefault c) {
      return alter(c.table()) + "ALTER COLUMN " + quote(c.column())
          + c.expression().map(e -> " SET DEFAULT " + e).orElse(" DROP DEFAULT") + ";\n";
    }
    if (change instanceof SchemaChange.AddNotNullCheck c) {
      return alter(c.table()) + "ADD CONSTRAINT " + quote(c.checkName()) + " CHECK (" + quote(c.column())
          + " IS NOT NULL) NOT VALID;\n";
    }
    if (change instanceof SchemaChange.SetNotNull c) {
      if (c.checkName().isEmpty()) {
        return alter(c.table()) + "ALTER COLUMN " + quote(c.column()) + " SET NOT NULL;\n";
      }
      // PostgreSQL 12+ uses the validated check as proof and skips the scan under ACCESS EXCLUSIVE.
      return alter(c.table()) + "VALIDATE CONSTRAINT " + quote(c.checkName().get()) + ";\n"
          + alter(c.table()) + "ALTER COLUMN " + quote(c.column()) + " SET NOT NULL;\n"
          + alter(c.table()) + "DROP CONSTRAINT " + quote(c.checkName().get()) + ";\n";
    }
    if (change instanceof SchemaChange.DropNotNull c) {
      return alter(c.table()) + "ALTER COLUMN " + quote(c.column()) + " DROP NOT NULL;\n";
    }
    if (change instanceof SchemaChange.AddIdentity c) {
      // Start after the values already there, or the first insert would collide with them.
      return alter(c.table()) + "ALTER COLUMN " + quote(c.column()) + " ADD GENERATED BY DEFAULT AS IDENTITY;\n"
          + "SELECT setval(pg_get_serial_sequence(" + literal(qualified(c.table())) + ", " + literal(c.column())
          + "), coalesce(max(" + quote(c.column()) + "), 0) + 1, false) FROM " + qualified(c.table()) + ";\n";
    }
    if (change instanceof SchemaChange.DropIdentity c) {
      return alter(c.table()) + "ALTER COLUMN " + quote(c.column()) + " DROP IDENTITY IF EXISTS;\n";
    }
    if (change instanceof SchemaChange.CommentOnColumn c) {
      return "COMMENT ON COLUMN " + qualified(c.table()) + "." + quote(c.column()) + " IS "
          + c.comment().map(PostgresRenderer::literal).orElse("NULL") + ";\n";
    }
    if (change instanceof SchemaChange.AddPrimaryKey c) {
      return alter(c.table()) + "ADD CONSTRAINT " + quote(c.key().name()) + " PRIMARY KEY "
          + (c.usingIndex() ? "USING INDEX " + quote(c.key().name()) : "(" + columnList(c.key().columns()) + ")") + ";\n";
    }
    if (change instanceof SchemaChange.DropPrimaryKey c) {
      return alter(c.table()) + "DROP CONSTRAINT " + quote(c.key().name()) + ";\n";
    }
    if (change instanceof SchemaChange.AddUnique c) {
      return alter(c.table()) + "ADD CONSTRAINT " + quote(c.unique().name()) + " UNIQUE "
          + (c.usingIndex() ? "USING INDEX " + quote(c.unique().name()) : "(" + columnList(c.unique().columns()) + ")") + ";\n";
    }
    if (change instanceof SchemaChange.AddCheck c) {
      return alter(c.table()) + "ADD CONSTRAINT " + quote(c.check().name()) + " CHECK (" + c.check().expression() + ")"
          + (c.notValid() ? " NOT VALID" : "") + ";\n";
    }
    if (change instanceof SchemaChange.AddForeignKey c) {
      return alter(c.table()) + "ADD " + foreignKey(c.foreignKey()) + (c.notValid() ? " NOT VALID" : "") + ";\n";
    }
    if (change instanceof SchemaChange.ValidateConstraint c) {
      return alter(c.table()) + "VALIDATE CONSTRAINT " + quote(c.constraint()) + ";\n";
    }
    if (change instanceof SchemaChange.DropConstraint c) {
      return alter(c.table()) + "DROP CONSTRAINT " + quote(c.constraint()) + ";\n";
    }
    if (change instanceof SchemaChange.RenameConstraint c) {
      return alter(c.table()) + "RENAME CONSTRAINT " + quote(c.from()) + " TO " + quote(c.to()) + ";\n";
    }
    if (change instanceof SchemaChange.CreateIndex c) {
      if (!c.concurrently()) {
        return createIndex(c.table(), c.index(), false);
      }
      // A failed concurrent build leaves an INVALID index behind; dropping it first makes a rerun work.
      return "DROP INDEX CONCURRENTLY IF EXISTS " + qualified(new QualifiedName(c.table().schema(), c.index().name()))
          + ";\n" + createIndex(c.table(), c.index(), true);
    }
    if (change instanceof SchemaChange.DropIndex c) {
      // IF EXISTS: a rerun after a failure part way through the non-transactional file finds it gone.
      return "DROP INDEX " + (c.concurrently() ? "CONCURRENTLY IF EXISTS " : "")
          + qualified(new QualifiedName(c.table().schema(), c.index().name())) + ";\n";
    }
    if (change instanceof SchemaChange.RenameIndex c) {
      return "ALTER INDEX " + qualified(new QualifiedName(c.table().schema(), c.from())) + " RENAME TO " + quote(c.to()) + ";\n";
    }
    throw new IllegalArgumentException("no rendering for " + change);
  }

  /**
   * A widening converts with an explicit cast, which every value survives. A narrowing never does where
   * PostgreSQL converts by itself: an explicit cast to {@code varchar(n)} cuts a longer value where the
   * assignment cast fails on it; a conversion to a text type goes through {@code text} for the same
   * reason. Before it, {@link Narrowing} counts the rows that would not survive.
   */
  private static String alterColumnType(SchemaChange.AlterColumnType c) {
    String column = quote(c.column());
    String type = " TYPE " + c.to();
    if (c.kind() == TypeChange.NO_REWRITE) {
      return alter(c.table()) + "ALTER COLUMN " + column + type + ";\n";
    }
    if (c.kind() == TypeChange.REWRITE) {
      return alter(c.table()) + "ALTER COLUMN " + column + type + " USING " + column + "::" + c.to() + ";\n";
    }
    String using;
    if (TypeChange.assignable(c.from(), c.to())) {
      using = "";
    } else if (TypeChange.Shape.of(c.to()).element().isText()) {
      using = " USING " + column + "::text" + (TypeChange.Shape.of(c.to()).array() ? "[]" : "");
    } else if (!c.labels().isEmpty() && !TypeChange.Shape.of(c.from()).element().isText()) {
      // Into an enum type PostgreSQL casts only from text: from another enum type (a renamed one, as
      // Hoppscotch's history has it) there is no cast at all, so go through the labels' text.
      String array = TypeChange.Shape.of(c.from()).array() ? "[]" : "";
      using = " USING " + column + "::text" + array + "::" + c.to();
    } else {
      using = " USING " + column + "::" + c.to();
    }
    return Narrowing.guard(c).orElse("") + alter(c.table()) + "ALTER COLUMN " + column + type + using + ";\n";
  }

  private static String alter(QualifiedName table) {
    return "ALTER TABLE " + qualified(table) + " ";
  }

  private static String labels(List<String> labels) {
    return labels.stream().map(PostgresRenderer::literal).collect(Collectors.joining(", "));
  }

  /**
   * The old type steps aside, the new one takes its name, every column converts through text.
   *
   * <p>Indexes with an expression or predicate and checks that use a converted column and are still
   * there (the declared ones that mention it were dropped before, by the diff) came from hand-written
   * migrations, which the model does not hold ({@code CREATE INDEX … ((status <> 'CLOSED'))}).
   * PostgreSQL would carry them over with constants of the old type and fail, so they are saved (as
   * their definitions read while the type still has its name), dropped, and made again after the
   * conversion, through a transaction-local setting between two {@code DO} blocks.
   */
  /**
   * An identity column's sequence moves with its table, and {@code SET SCHEMA} fails when the target
   * schema has a relation of the sequence's name (the sequence of a table that took the moved one's
   * old name, say). So first the sequence gets the name PostgreSQL would give it under the table's
   * new name, numbered until it is free in both schemas; the model does not hold sequence names.
   */
  private static String sequenceFreeIn(QualifiedName table, String column, String schema, String newTableName) {
    String base = ConstraintNames.fit(newTableName + "_" + column, "seq");
    return "DO $schemacode$\n"
        + "DECLARE\n"
        + "  seq regclass := pg_get_serial_sequence(" + literal(qualified(table)) + ", " + literal(column) + ")::regclass;\n"
        + "  free text := " + literal(base) + ";\n"
        + "  n int := 0;\n"
        + "BEGIN\n"
        + "  WHILE EXISTS (SELECT FROM pg_class WHERE relname = free AND oid <> seq\n"
        + "      AND relnamespace IN (" + literal(quote(schema)) + "::regnamespace, (SELECT relnamespace FROM pg_class WHERE oid = seq))) LOOP\n"
        + "    n := n + 1;\n"
        + "    free := left(" + literal(base) + ", 63 - length(n::text)) || n;\n"
        + "  END LOOP;\n"
        + "  IF free <> (SELECT relname FROM pg_class WHERE oid = seq) THEN\n"
        + "    EXECUTE format('ALTER SEQUENCE %s RENAME TO %I', seq, free);\n"
        + "  END IF;\n"
        + "END\n"
        + "$schemacode$;\n";
  }

  private static String rebuildEnum(SchemaChange.RebuildEnum rebuild) {
    QualifiedName name = rebuild.to().name();
    QualifiedName old = rebuild.replaced().name();
    String newType = typeName(name);
    StringBuilder sql = new StringBuilder();
    if (!rebuild.columns().isEmpty()) {
      sql.append(saveDependents(rebuild.columns()));
    }
    sql.append("ALTER TYPE ").append(qualified(name)).append(" RENAME TO ").append(quote(old.name())).append(";\n");
    sql.append("CREATE TYPE ").append(qualified(name)).append(" AS ENUM (").append(labels(rebuild.to().labels())).append(");\n");
    for (SchemaChange.ColumnRef ref : rebuild.columns()) {
      boolean array = dev.schemacode.model.introspect.TypeNames.canonical(ref.column().type()).endsWith("[]");
      String column = quote(ref.column().name());
      if (ref.column().defaultExpression().isPresent()) {
        sql.append(alter(ref.table())).append("ALTER COLUMN ").append(column).append(" DROP DEFAULT;\n");
      }
      sql.append(alter(ref.table())).append("ALTER COLUMN ").append(column).append(" TYPE ").append(newType)
          .append(array ? "[]" : "").append(" USING ").append(column).append("::text").append(array ? "[]" : "")
          .append("::").append(newType).append(array ? "[]" : "").append(";\n");
      ref.newDefault().ifPresent(expression -> sql.append(alter(ref.table())).append("ALTER COLUMN ")
          .append(column).append(" SET DEFAULT ").append(expression).append(";\n"));
    }
    if (!rebuild.columns().isEmpty()) {
      sql.append(RESTORE_DEPENDENTS);
    }
    return sql.toString();
  }

  private static final String SAVED_DEPENDENTS = "schemacode.rebuild_dependents";

  private static final String RESTORE_DEPENDENTS = """
      DO $schemacode$
      DECLARE
        statement text;
      BEGIN
        FOR statement IN SELECT json_array_elements_text(current_setting('%s')::json) LOOP
          EXECUTE statement;
        END LOOP;
      END
      $schemacode$;
      """.formatted(SAVED_DEPENDENTS);

  /** The first {@code DO} block of {@link #rebuildEnum}: saves and drops what uses the columns otherwise. */
  private static String saveDependents(List<SchemaChange.ColumnRef> columns) {
    String pairs = columns.stream()
        .map(ref -> "(" + literal(qualified(ref.table())) + "::regclass, " + literal(ref.column().name()) + "::name)")
        .collect(Collectors.joining(", "));
    return """
        DO $schemacode$
        DECLARE
          saved text[] := '{}';
          dependent record;
        BEGIN
          FOR dependent IN
            SELECT format('%%I.%%I', n.nspname, c.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE (i.indexprs IS NOT NULL OR i.indpred IS NOT NULL)
              AND EXISTS (SELECT 1 FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                WHERE d.classid = 'pg_class'::regclass AND d.objid = i.indexrelid AND d.refclassid = 'pg_class'::regclass
                  AND (a.attrelid, a.attname) IN (%1$s))
          LOOP
            saved := saved || dependent.definition;
            EXECUTE 'DROP INDEX ' || dependent.name;
          END LOOP;
          FOR dependent IN
            SELECT con.conrelid::regclass::text AS tbl, con.conname, pg_get_constraintdef(con.oid) AS definition
            FROM pg_constraint con
            WHERE con.contype = 'c' AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = con.conrelid
              AND a.attnum = ANY (con.conkey) AND (a.attrelid, a.attname) IN (%1$s))
          LOOP
            saved := saved || format('ALTER TABLE %%s ADD CONSTRAINT %%I %%s', dependent.tbl, dependent.conname, dependent.definition);
            EXECUTE format('ALTER TABLE %%s DROP CONSTRAINT %%I', dependent.tbl, dependent.conname);
          END LOOP;
          PERFORM set_config('%2$s', array_to_json(saved)::text, true);
        END
        $schemacode$;
        """.formatted(pairs, SAVED_DEPENDENTS);
  }

  /**
   * The table with its columns, primary key, unique and check constraints; foreign keys and indexes
   * come after. A unique constraint on the same columns as the primary key or an earlier unique
   * constraint is added by an {@code ALTER TABLE} after the table: inside {@code CREATE TABLE},
   * PostgreSQL quietly merges such a constraint into the earlier one, and the declared constraint
   * would never exist.
   */
  public static String createTable(Table table) {
    List<String> lines = new ArrayList<>();
    for (Column column : table.columns()) {
      lines.add(INDENT + columnDefinition(column));
    }
    List<List<String>> keyed = new ArrayList<>();
    table.primaryKey().ifPresent(key -> {
      lines.add(INDENT + "CONSTRAINT " + quote(key.name()) + " PRIMARY KEY (" + columnList(key.columns()) + ")");
      keyed.add(key.columns());
    });
    StringBuilder afterwards = new StringBuilder();
    for (UniqueConstraint unique : table.uniques()) {
      if (keyed.contains(unique.columns())) {
        afterwards.append(alter(table.name())).append("ADD CONSTRAINT ").append(quote(unique.name()))
            .append(" UNIQUE (").append(columnList(unique.columns())).append(");\n");
      } else {
        lines.add(INDENT + "CONSTRAINT " + quote(unique.name()) + " UNIQUE (" + columnList(unique.columns()) + ")");
        keyed.add(unique.columns());
      }
    }
    for (CheckConstraint check : table.checks()) {
      lines.add(INDENT + "CONSTRAINT " + quote(check.name()) + " CHECK (" + check.expression() + ")");
    }
    return "CREATE TABLE " + qualified(table.name()) + " (\n" + String.join(",\n", lines) + "\n);\n" + afterwards;
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

  static String createIndex(QualifiedName table, Index index, boolean concurrently) {
    StringBuilder sql = new StringBuilder("CREATE ");
    if (index.unique()) {
      sql.append("UNIQUE ");
    }
    sql.append("INDEX ").append(concurrently ? "CONCURRENTLY " : "").append(quote(index.name())).append(" ON ")
        .append(qualified(table));
    if (!index.method().equals(Index.DEFAULT_METHOD)) {
      sql.append(" USING ").append(index.method());
    }
    sql.append(" (").append(index.columns().stream().map(key -> Index.isExpression(key) ? key : quote(key))
        .collect(Collectors.joining(", "))).append(')');
    index.where().ifPresent(predicate -> sql.append(" WHERE ").append(predicate));
    return sql.append(";\n").toString();
  }

  static String columnList(List<String> columns) {
    return columns.stream().map(PostgresRenderer::quote).collect(Collectors.joining(", "));
  }
}
