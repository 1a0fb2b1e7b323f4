package dev.schemacode.processor;

import dev.schemacode.model.QualifiedName;
import dev.schemacode.annotations.ReferentialAction;
import dev.schemacode.model.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Table} class as scanned: its table without foreign keys (those need the other
 * entities), the foreign keys still to resolve, and the rename hints.
 *
 * @param renamedFrom the table's old name, from {@code @RenamedFrom} on the class; its schema is
 *     {@code public} as written when the old name said so (the assembler resolves that against the ledger)
 * @param columnRenames new column name → old name, from {@code @RenamedFrom} on fields
 */
record DeclaredEntity(TypeElement element, String className, Table table, List<DeclaredColumn> columns,
    List<PendingReference> references, Optional<QualifiedName> renamedFrom, Map<String, String> columnRenames) {

  /**
   * A column and the field (and Java enum, if any) it came from, for messages, enum types and the
   * jOOQ metamodel.
   *
   * @param javaType the field's type as a member of the entity, with {@code Optional} unwrapped
   */
  record DeclaredColumn(Element field, dev.schemacode.model.Column column, Optional<TypeMapper.JavaEnum> enumType,
      javax.lang.model.type.TypeMirror javaType) {}

  /**
   * A {@code @References} as written, with local columns already resolved to SQL names.
   *
   * @param targetClass the referenced class's qualified name, or empty when the value is not a class
   * @param referencedColumns as written (empty means "the target's primary key")
   */
  record PendingReference(Element element, String targetClass, List<String> columns, List<String> referencedColumns,
      ReferentialAction onDelete, ReferentialAction onUpdate, String explicitName) {}
}
