package dev.schemacode.processor;

import com.palantir.javapoet.ClassName;
import dev.schemacode.model.Column;
import dev.schemacode.model.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One table of the jOOQ metamodel as the writers share it: the generated class names, the table
 * constant, and the fields in the order jOOQ indexes them (the entity's column order).
 *
 * <p>The schema-wide classes ({@code Tables}, {@code Keys}, {@code Indexes}, schemas, catalog) list
 * every table of the schema, also those whose entity this compilation did not see (an IDE compiling
 * one changed file): such a table is only referenced, its classes are the ones the build that
 * compiled its entity wrote. Every name used to reference it follows from the recorded table and its
 * recorded class, so it is the name that build gave. It has no {@link #fields()}.
 *
 * @param entityClass the entity's qualified class name, as the ledger records it
 * @param fields the fields with their Java types; empty for a table that is only referenced
 */
record JooqTable(String entityClass, Table table, ClassName type, ClassName record, ClassName path, String instance,
    List<Field> fields, boolean compiled) {

  /**
   * @param constant the {@code TableField}'s name in the table class
   * @param property the record's getter and setter without {@code get}/{@code set}
   */
  record Field(Column column, String constant, String property, JooqColumnTypes.Mapping mapping) {}

  /** A table whose entity this compilation did not see, referenced by the names its own build gave it. */
  static JooqTable referenced(String entityClass, Table table) {
    return new JooqTable(entityClass, table, JooqNames.tableClass(entityClass), JooqNames.recordClass(entityClass),
        JooqNames.pathClass(entityClass), JooqNames.instanceName(table), List.of(), false);
  }

  /** The fields' constants by column name (for keys and indexes, which name columns); the same for referenced tables. */
  Map<String, String> constants() {
    Map<String, String> constants = new java.util.LinkedHashMap<>();
    table.columns().forEach(c -> constants.put(c.name(), JooqNames.constantName(c.name())));
    return constants;
  }

  Optional<Field> field(String column) {
    return fields.stream().filter(f -> f.column().name().equals(column)).findFirst();
  }

  /** {@code CustomerTable.CUSTOMER}, for code outside the table class. */
  com.palantir.javapoet.CodeBlock reference() {
    return com.palantir.javapoet.CodeBlock.of("$T.$L", type, instance);
  }
}
