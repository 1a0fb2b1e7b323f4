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
 */
record JooqTable(DeclaredEntity entity, Table table, ClassName type, ClassName record, ClassName path, String instance,
    List<Field> fields) {

  /**
   * @param constant the {@code TableField}'s name in the table class
   * @param property the record's getter and setter without {@code get}/{@code set}
   */
  record Field(Column column, String constant, String property, JooqColumnTypes.Mapping mapping) {}

  /** The fields by column name (for keys and indexes, which name columns). */
  Map<String, String> constants() {
    Map<String, String> constants = new java.util.LinkedHashMap<>();
    fields.forEach(f -> constants.put(f.column().name(), f.constant()));
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
