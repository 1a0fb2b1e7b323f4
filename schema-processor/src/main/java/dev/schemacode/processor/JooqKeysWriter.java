package dev.schemacode.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.schemacode.model.ForeignKey;
import dev.schemacode.model.Index;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The {@code Keys} and {@code Indexes} classes, as jOOQ's code generator writes them: every primary,
 * unique and foreign key and every index as a static constant, so that a key is one object (tables,
 * paths and records share it) and the tables' class initialisers never need each other.
 */
final class JooqKeysWriter {
  private static final ClassName UNIQUE_KEY = ClassName.get("org.jooq", "UniqueKey");
  private static final ClassName FOREIGN_KEY = ClassName.get("org.jooq", "ForeignKey");
  private static final ClassName TABLE_FIELD = ClassName.get("org.jooq", "TableField");
  private static final ClassName INDEX = ClassName.get("org.jooq", "Index");
  private static final ClassName ORDER_FIELD = ClassName.get("org.jooq", "OrderField");
  private static final ClassName DSL = ClassName.get("org.jooq.impl", "DSL");
  private static final ClassName INTERNAL = ClassName.get("org.jooq.impl", "Internal");
  /** jOOQ 3.20+'s referential action; its constants are named as {@link ForeignKey.Action}'s. */
  static final ClassName FOREIGN_KEY_RULE = ClassName.get("org.jooq.impl", "QOM", "ForeignKeyRule");

  private final ClassName keys;
  private final ClassName indexes;
  private final Map<QualifiedName, JooqTable> tables;
  private final boolean foreignKeyRules;

  /** A foreign key whose target is part of this metamodel, with the constant that holds it. */
  record Reference(JooqTable from, ForeignKey key, JooqTable to, CodeBlock constant) {}

  /** @param foreignKeyRules whether the jOOQ compiled against keeps foreign keys' referential actions (3.20+) */
  JooqKeysWriter(String packageName, Map<QualifiedName, JooqTable> tables, boolean foreignKeyRules) {
    this.keys = ClassName.get(packageName, "Keys");
    this.indexes = ClassName.get(packageName, "Indexes");
    this.tables = tables;
    this.foreignKeyRules = foreignKeyRules;
  }

  Optional<CodeBlock> primaryKey(JooqTable table) {
    return table.table().primaryKey().map(pk -> constant(table, pk.name()));
  }

  List<CodeBlock> uniqueKeys(JooqTable table) {
    return table.table().uniques().stream().map(u -> constant(table, u.name())).toList();
  }

  /** The table's foreign keys to tables of this metamodel (a ledger from before class names were recorded may lack one). */
  List<Reference> references(JooqTable table) {
    List<Reference> references = new ArrayList<>();
    for (ForeignKey key : table.table().foreignKeys()) {
      JooqTable target = tables.get(key.target());
      if (target != null) {
        references.add(new Reference(table, key, target,
            CodeBlock.of("$T.$L", keys, JooqNames.foreignKeyConstant(table.table(), key.name()))));
      }
    }
    return references;
  }

  /** The foreign keys of every table that point at this one (to-many paths). */
  List<Reference> referencedBy(JooqTable table) {
    return tables.values().stream().flatMap(t -> references(t).stream())
        .filter(r -> r.to().table().name().equals(table.table().name())).toList();
  }

  List<CodeBlock> indexes(JooqTable table) {
    return table.table().indexes().stream()
        .map(i -> CodeBlock.of("$T.$L", indexes, JooqNames.constraintConstant(table.table(), i.name()))).toList();
  }

  private CodeBlock constant(JooqTable table, String constraint) {
    return CodeBlock.of("$T.$L", keys, JooqNames.constraintConstant(table.table(), constraint));
  }

  List<JavaFile> files() {
    TypeSpec.Builder keysType = TypeSpec.classBuilder(keys).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(JooqMetamodelWriter.generated())
        .addAnnotation(JooqMetamodelWriter.suppressWarnings())
        .addJavadoc("The primary, unique and foreign keys of every table, declared by the {@code @Table} entities.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    TypeSpec.Builder indexesType = TypeSpec.classBuilder(indexes).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(JooqMetamodelWriter.generated())
        .addAnnotation(JooqMetamodelWriter.suppressWarnings())
        .addJavadoc("The indexes of every table, declared by the {@code @Table} entities.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (JooqTable table : tables.values()) {
      Map<String, String> constants = table.constants();
      table.table().primaryKey().ifPresent(pk -> keysType.addField(uniqueKey(table, pk.name(), pk.columns(), constants)));
      for (UniqueConstraint unique : table.table().uniques()) {
        keysType.addField(uniqueKey(table, unique.name(), unique.columns(), constants));
      }
      for (Index index : table.table().indexes()) {
        indexesType.addField(FieldSpec.builder(INDEX, JooqNames.constraintConstant(table.table(), index.name()),
                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.createIndex($T.name($S), $L, new $T[] { $L }, $L)", INTERNAL, DSL, index.name(),
                table.reference(), ORDER_FIELD, fields(table, index.columns()), index.unique())
            .build());
      }
    }
    for (JooqTable table : tables.values()) {
      for (Reference reference : references(table)) {
        keysType.addField(foreignKey(reference));
      }
    }
    return List.of(
        JavaFile.builder(keys.packageName(), keysType.build()).skipJavaLangImports(true).indent("    ").build(),
        JavaFile.builder(indexes.packageName(), indexesType.build()).skipJavaLangImports(true).indent("    ").build());
  }

  private FieldSpec uniqueKey(JooqTable table, String constraint, List<String> columns, Map<String, String> constants) {
    return FieldSpec.builder(ParameterizedTypeName.get(UNIQUE_KEY, table.record()),
            JooqNames.constraintConstant(table.table(), constraint), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.createUniqueKey($L, $T.name($S), new $T[] { $L }, true)", INTERNAL, table.reference(), DSL,
            constraint, TABLE_FIELD, fields(table, columns))
        .build();
  }

  private FieldSpec foreignKey(Reference reference) {
    ForeignKey key = reference.key();
    JooqTable target = reference.to();
    HashSet<String> targetColumns = new HashSet<>(key.targetColumns());
    CodeBlock targetKey = target.table().primaryKey().filter(pk -> new HashSet<>(pk.columns()).equals(targetColumns))
        .map(pk -> constant(target, pk.name()))
        .or(() -> target.table().uniques().stream().filter(u -> new HashSet<>(u.columns()).equals(targetColumns))
            .findFirst().map(u -> constant(target, u.name())))
        .orElseGet(() -> CodeBlock.of("$T.createUniqueKey($L, new $T[] { $L })", INTERNAL, target.reference(), TABLE_FIELD,
            fields(target, key.targetColumns())));
    return FieldSpec.builder(ParameterizedTypeName.get(FOREIGN_KEY, reference.from().record(), target.record()),
            JooqNames.foreignKeyConstant(reference.from().table(), key.name()), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.createForeignKey($L, $T.name($S), new $T[] { $L }, $L, new $T[] { $L }, true$L)", INTERNAL,
            reference.from().reference(), DSL, key.name(), TABLE_FIELD, fields(reference.from(), key.columns()), targetKey,
            TABLE_FIELD, fields(target, key.targetColumns()),
            foreignKeyRules ? CodeBlock.of(", $T.$L, $T.$L", FOREIGN_KEY_RULE, key.onDelete().name(), FOREIGN_KEY_RULE,
                key.onUpdate().name()) : CodeBlock.of(""))
        .build();
  }

  private static CodeBlock fields(JooqTable table, List<String> columns) {
    Map<String, String> constants = table.constants();
    return CodeBlock.join(columns.stream().map(c -> CodeBlock.of("$L.$L", table.reference(), constants.get(c))).toList(), ", ");
  }
}
