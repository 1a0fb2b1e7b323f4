package dev.schemacode.processor;

import com.palantir.javapoet.ClassName;
import dev.schemacode.model.Table;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** How the jOOQ metamodel names what it generates; kept apart so that table, record and key writers agree. */
final class JooqNames {
  private JooqNames() {}

  /** The generated table class of an entity class: {@code com.example.Customer} → {@code com.example.jooq.CustomerTable}. */
  static ClassName tableClass(String entityClass) {
    return generated(entityClass, "Table");
  }

  /** The generated record class: {@code com.example.Customer} → {@code com.example.jooq.CustomerRecord}. */
  static ClassName recordClass(String entityClass) {
    return generated(entityClass, "Record");
  }

  /** The path subtype nested in the table class, as jOOQ 3.19's code generator names it: {@code CustomerTable.CustomerPath}. */
  static ClassName pathClass(String entityClass) {
    return tableClass(entityClass).nestedClass(simpleName(entityClass) + "Path");
  }

  private static ClassName generated(String entityClass, String suffix) {
    int dot = entityClass.lastIndexOf('.');
    String pkg = dot < 0 ? "jooq" : entityClass.substring(0, dot) + ".jooq";
    return ClassName.get(pkg, simpleName(entityClass) + suffix);
  }

  private static String simpleName(String entityClass) {
    return entityClass.substring(entityClass.lastIndexOf('.') + 1).replace('$', '_');
  }

  /**
   * The generated {@code EnumType} of a PostgreSQL enum type, named after the type (as jOOQ's code
   * generator names its enums), which is unique where Java enums' simple names need not be (two nested
   * {@code Status} enums): {@code collection_status} → {@code PgCollectionStatus}, {@code sales.status}
   * → {@code PgSalesStatus}.
   */
  static String enumClass(dev.schemacode.model.QualifiedName type) {
    return "Pg" + (type.inDefaultSchema() ? "" : pascalName(type.schema())) + pascalName(type.name());
  }

  /** {@code created_at} → {@code CREATED_AT}; anything that is not a letter or digit becomes an underscore. */
  static String constantName(String sqlName) {
    String name = sqlName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    return Character.isJavaIdentifierStart(name.charAt(0)) ? name : "_" + name;
  }

  /** {@code display_name} → {@code DisplayName}, for getters and setters as jOOQ's code generator writes them. */
  static String pascalName(String sqlName) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : sqlName.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    String name = out.isEmpty() ? "_" : out.toString();
    return Character.isJavaIdentifierStart(name.charAt(0)) ? name : "_" + name;
  }

  /** {@code funding_coverage} → {@code fundingCoverage}, for path methods. */
  static String camelName(String sqlName) {
    String pascal = pascalName(sqlName);
    String name = Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    return javax.lang.model.SourceVersion.isKeyword(name) ? name + "_" : name;
  }

  /** The table's constant in its class and in {@code Tables}; suffixed when a column already has the name. */
  static String instanceName(Table table) {
    String name = constantName(table.name().name());
    Set<String> columns = new HashSet<>();
    table.columns().forEach(c -> columns.add(constantName(c.name())));
    return columns.contains(name) ? name + "_TABLE" : name;
  }

  /** A constraint's constant in {@code Keys} or {@code Indexes}; schema-prefixed outside the default schema, where names may repeat. */
  static String constraintConstant(Table table, String constraint) {
    String prefix = table.name().inDefaultSchema() ? "" : constantName(table.name().schema()) + "_";
    return prefix + constantName(constraint);
  }

  /** A foreign key's constant in {@code Keys}, {@code TABLE__CONSTRAINT} as jOOQ's code generator writes it. */
  static String foreignKeyConstant(Table table, String constraint) {
    String prefix = table.name().inDefaultSchema() ? "" : constantName(table.name().schema()) + "_";
    return prefix + constantName(table.name().name()) + "__" + constantName(constraint);
  }
}
