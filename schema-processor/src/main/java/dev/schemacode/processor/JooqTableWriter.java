package dev.schemacode.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.schemacode.model.CheckConstraint;
import dev.schemacode.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * One table class, shaped like jOOQ 3.19's code generator's: a {@code TableImpl} of the table's
 * record with its fields, keys, indexes and checks, the constructors jOOQ uses for aliases and
 * implicit join paths, a nested {@code Path} subtype, and a method per path (to-one along each
 * foreign key, to-many along each foreign key that points here).
 */
final class JooqTableWriter {
  private static final String JOOQ = "org.jooq";
  private static final ClassName RECORD = ClassName.get(JOOQ, "Record");
  private static final ClassName TABLE = ClassName.get(JOOQ, "Table");
  private static final ClassName TABLE_FIELD = ClassName.get(JOOQ, "TableField");
  private static final ClassName UNIQUE_KEY = ClassName.get(JOOQ, "UniqueKey");
  private static final ClassName FOREIGN_KEY = ClassName.get(JOOQ, "ForeignKey");
  private static final ClassName INVERSE_FOREIGN_KEY = ClassName.get(JOOQ, "InverseForeignKey");
  private static final ClassName PATH = ClassName.get(JOOQ, "Path");
  private static final ClassName CHECK = ClassName.get(JOOQ, "Check");
  private static final ClassName INDEX = ClassName.get(JOOQ, "Index");
  private static final ClassName IDENTITY = ClassName.get(JOOQ, "Identity");
  private static final ClassName NAME = ClassName.get(JOOQ, "Name");
  private static final ClassName SCHEMA = ClassName.get(JOOQ, "Schema");
  private static final ClassName TABLE_IMPL = ClassName.get("org.jooq.impl", "TableImpl");
  private static final ClassName DSL = ClassName.get("org.jooq.impl", "DSL");
  private static final ClassName INTERNAL = ClassName.get("org.jooq.impl", "Internal");
  private static final ClassName LIST = ClassName.get("java.util", "List");

  private final JooqKeysWriter keys;
  private final JooqSchemaWriter schemas;
  /** Zero-argument methods of {@code TableImpl}: a path method of the same name would not compile. */
  private final Set<String> reservedMethods;

  JooqTableWriter(JooqKeysWriter keys, JooqSchemaWriter schemas, Set<String> reservedMethods) {
    this.keys = keys;
    this.schemas = schemas;
    this.reservedMethods = reservedMethods;
  }

  TypeSpec type(JooqTable jt) {
    Table table = jt.table();
    ClassName name = jt.type();
    ClassName record = jt.record();
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .superclass(ParameterizedTypeName.get(TABLE_IMPL, record))
        .addAnnotation(JooqMetamodelWriter.generated())
        .addAnnotation(JooqMetamodelWriter.suppressWarnings())
        .addJavadoc("The table {@code $L}, declared by {@link $L}.\n", table.name(), jt.entityClass());
    type.addField(FieldSpec.builder(name, jt.instance(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer("new $T()", name).build());
    type.addMethod(MethodSpec.methodBuilder("getRecordType").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Class.class), record))
        .addStatement("return $T.class", record).build());

    for (JooqTable.Field field : jt.fields()) {
      JooqColumnTypes.Mapping mapping = field.mapping();
      String comment = field.column().comment().orElse("");
      CodeBlock init = mapping.converter()
          .map(converter -> CodeBlock.of("createField($T.name($S), $L, this, $S, $L)", DSL, field.column().name(),
              mapping.dataType(), comment, converter))
          .orElseGet(() -> CodeBlock.of("createField($T.name($S), $L, this, $S)", DSL, field.column().name(),
              mapping.dataType(), comment));
      type.addField(FieldSpec.builder(ParameterizedTypeName.get(TABLE_FIELD, record, mapping.javaType()), field.constant(),
              Modifier.PUBLIC, Modifier.FINAL)
          .addJavadoc("{@code $L $L$L}\n", field.column().name(), field.column().type(),
              field.column().nullable() ? "" : " NOT NULL")
          .initializer(init).build());
    }

    constructors(type, jt, schemas.constructedIn(table.name().schema()));
    type.addType(pathType(jt));
    type.addMethod(MethodSpec.methodBuilder("getSchema").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(SCHEMA)
        .addStatement("return aliased() ? null : $L", schemas.reference(table.name().schema())).build());

    List<CodeBlock> indexes = keys.indexes(jt);
    if (!indexes.isEmpty()) {
      type.addMethod(MethodSpec.methodBuilder("getIndexes").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(LIST, INDEX))
          .addStatement("return $T.of($L)", LIST, CodeBlock.join(indexes, ", ")).build());
    }
    jt.fields().stream().filter(f -> f.column().identity()).findFirst().ifPresent(field -> type.addMethod(
        MethodSpec.methodBuilder("getIdentity").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(IDENTITY, record, field.mapping().javaType().box()))
            .addStatement("return $T.createIdentity(this, $L)", INTERNAL, field.constant()).build()));
    keys.primaryKey(jt).ifPresent(key -> type.addMethod(MethodSpec.methodBuilder("getPrimaryKey")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(UNIQUE_KEY, record))
        .addStatement("return $L", key).build()));
    List<CodeBlock> uniques = keys.uniqueKeys(jt);
    if (!uniques.isEmpty()) {
      type.addMethod(MethodSpec.methodBuilder("getUniqueKeys").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(LIST, ParameterizedTypeName.get(UNIQUE_KEY, record)))
          .addStatement("return $T.of($L)", LIST, CodeBlock.join(uniques, ", ")).build());
    }
    List<JooqKeysWriter.Reference> references = keys.references(jt);
    if (!references.isEmpty()) {
      type.addMethod(MethodSpec.methodBuilder("getReferences").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(LIST, ParameterizedTypeName.get(FOREIGN_KEY, record,
              WildcardTypeName.subtypeOf(Object.class))))
          .addStatement("return $T.of($L)", LIST, CodeBlock.join(references.stream().map(r -> r.constant()).toList(), ", "))
          .build());
    }
    paths(type, jt);
    if (!table.checks().isEmpty()) {
      List<CodeBlock> checks = new ArrayList<>();
      for (CheckConstraint check : table.checks()) {
        checks.add(CodeBlock.of("$T.createCheck(this, $T.name($S), $S, true)", INTERNAL, DSL, check.name(), check.expression()));
      }
      type.addMethod(MethodSpec.methodBuilder("getChecks").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(LIST, ParameterizedTypeName.get(CHECK, record)))
          .addStatement("return $T.of($L)", LIST, CodeBlock.join(checks, ",\n")).build());
    }
    aliasing(type, name, name, true);
    return type.build();
  }

  private static void constructors(TypeSpec.Builder type, JooqTable jt, java.util.Optional<CodeBlock> schema) {
    Table table = jt.table();
    ClassName record = jt.record();
    // Rendering takes the schema from getSchema(), as in jOOQ's generated tables (aliases and paths have
    // none). The table (not an alias) is also constructed in it, unlike codegen's: then its fields and
    // keys are qualified by it, as jOOQ's Meta of the database qualifies them, and Meta diffs match keys.
    CodeBlock in = schema.map(s -> CodeBlock.of("aliased == null ? $L : null", s)).orElse(CodeBlock.of("null"));
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
        .addParameter(NAME, "alias").addParameter(ParameterizedTypeName.get(TABLE, record), "aliased")
        .addStatement("super(alias, $L, aliased, null, $T.comment($S))", in, DSL, table.comment().orElse(""))
        .build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("The table {@code $L}.\n", table.name())
        .addStatement("this($T.name($S), null)", DSL, table.name().name()).build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("An aliased {@code $L}.\n", table.name())
        .addParameter(String.class, "alias")
        .addStatement("this($T.name(alias), $L)", DSL, jt.instance()).build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("An aliased {@code $L}.\n", table.name())
        .addParameter(NAME, "alias")
        .addStatement("this(alias, $L)", jt.instance()).build());
    type.addMethod(pathConstructor(record, Modifier.PUBLIC).addJavadoc("The table reached along a path, for implicit joins.\n")
        .addStatement("super(path, childPath, parentPath, $L)", jt.instance()).build());
  }

  private static MethodSpec.Builder pathConstructor(ClassName record, Modifier visibility) {
    TypeVariableName o = TypeVariableName.get("O", RECORD);
    return MethodSpec.constructorBuilder().addModifiers(visibility).addTypeVariable(o)
        .addParameter(ParameterizedTypeName.get(TABLE, o), "path")
        .addParameter(ParameterizedTypeName.get(FOREIGN_KEY, o, record), "childPath")
        .addParameter(ParameterizedTypeName.get(INVERSE_FOREIGN_KEY, o, record), "parentPath");
  }

  /** {@code CustomerTable.CustomerPath}: what path methods return, so paths chain and alias. */
  private static TypeSpec pathType(JooqTable jt) {
    TypeSpec.Builder path = TypeSpec.classBuilder(jt.path())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .superclass(jt.type())
        .addSuperinterface(ParameterizedTypeName.get(PATH, jt.record()))
        .addJavadoc("{@code $L} as a {@link $T} for implicit path joins.\n", jt.table().name(), PATH);
    path.addMethod(pathConstructor(jt.record(), Modifier.PUBLIC).addStatement("super(path, childPath, parentPath)").build());
    path.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
        .addParameter(NAME, "alias").addParameter(ParameterizedTypeName.get(TABLE, jt.record()), "aliased")
        .addStatement("super(alias, aliased)").build());
    aliasing(path, jt.path(), jt.path(), false);
    return path.build();
  }

  /** {@code as(…)} (and on the table, {@code rename(…)}) returning this type, as jOOQ's generated tables do. */
  private static void aliasing(TypeSpec.Builder type, ClassName self, TypeName returns, boolean rename) {
    ClassName wildcardTable = TABLE;
    type.addMethod(MethodSpec.methodBuilder("as").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(returns).addParameter(String.class, "alias")
        .addStatement("return new $T($T.name(alias), this)", self, DSL).build());
    type.addMethod(MethodSpec.methodBuilder("as").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(returns).addParameter(NAME, "alias")
        .addStatement("return new $T(alias, this)", self).build());
    type.addMethod(MethodSpec.methodBuilder("as").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(returns).addParameter(ParameterizedTypeName.get(wildcardTable, WildcardTypeName.subtypeOf(Object.class)), "alias")
        .addStatement("return new $T(alias.getQualifiedName(), this)", self).build());
    if (rename) {
      type.addMethod(MethodSpec.methodBuilder("rename").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
          .returns(returns).addParameter(String.class, "name")
          .addStatement("return new $T($T.name(name), null)", self, DSL).build());
      type.addMethod(MethodSpec.methodBuilder("rename").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
          .returns(returns).addParameter(NAME, "name")
          .addStatement("return new $T(name, null)", self).build());
      type.addMethod(MethodSpec.methodBuilder("rename").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
          .returns(returns).addParameter(ParameterizedTypeName.get(wildcardTable, WildcardTypeName.subtypeOf(Object.class)), "name")
          .addStatement("return new $T(name.getQualifiedName(), null)", self).build());
    }
  }

  /**
   * A method per implicit join path. As jOOQ's code generator names them: after the other table
   * ({@code customer()}, {@code fundingCoverage()}); where that is ambiguous (two keys between the
   * same tables, a self-reference) after the foreign key, and the to-many side of it gets
   * {@code Inverse} appended.
   */
  private void paths(TypeSpec.Builder type, JooqTable jt) {
    record PathMethod(String base, String byKey, JooqKeysWriter.Reference reference, boolean toMany) {}
    List<PathMethod> methods = new ArrayList<>();
    for (JooqKeysWriter.Reference r : keys.references(jt)) {
      methods.add(new PathMethod(JooqNames.camelName(r.to().table().name().name()), JooqNames.camelName(r.key().name()), r, false));
    }
    for (JooqKeysWriter.Reference r : keys.referencedBy(jt)) {
      methods.add(new PathMethod(JooqNames.camelName(r.from().table().name().name()),
          JooqNames.camelName(r.key().name()) + "Inverse", r, true));
    }
    Map<String, Integer> uses = new HashMap<>();
    methods.forEach(m -> uses.merge(m.base(), 1, Integer::sum));
    Set<String> taken = new HashSet<>(reservedMethods);
    for (PathMethod m : methods) {
      String name = uses.get(m.base()) == 1 && !reservedMethods.contains(m.base()) ? m.base() : m.byKey();
      String unique = name;
      for (int n = 2; !taken.add(unique); n++) {
        unique = name + n;
      }
      JooqTable other = m.toMany() ? m.reference().from() : m.reference().to();
      String cache = "_" + unique;
      type.addField(FieldSpec.builder(other.path(), cache, Modifier.PRIVATE, Modifier.TRANSIENT).build());
      CodeBlock create = m.toMany()
          ? CodeBlock.of("new $T(this, null, $L.getInverseKey())", other.path(), m.reference().constant())
          : CodeBlock.of("new $T(this, $L, null)", other.path(), m.reference().constant());
      type.addMethod(MethodSpec.methodBuilder(unique).addModifiers(Modifier.PUBLIC).returns(other.path())
          .addJavadoc(m.toMany() ? "The implicit to-many join path to {@code $L}, along {@code $L}.\n"
              : "The implicit join path to {@code $L}, along {@code $L}.\n", other.table().name(), m.reference().key().name())
          .beginControlFlow("if ($L == null)", cache)
          .addStatement("$L = $L", cache, create)
          .endControlFlow()
          .addStatement("return $L", cache).build());
    }
  }
}
