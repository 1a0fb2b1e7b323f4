package dev.schemacode.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.schemacode.model.Column;
import dev.schemacode.model.EnumType;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Schema;
import dev.schemacode.model.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes the jOOQ metamodel (JavaPoet) the way jOOQ 3.19's own code generator would from the
 * database: per entity a table class ({@link JooqTableWriter}: typed fields with their
 * {@code DataType}, keys, indexes, checks, implicit join paths) and a record class
 * ({@link JooqRecordWriter}: {@code UpdatableRecord} with typed getters and setters); {@code Keys}
 * and {@code Indexes} ({@link JooqKeysWriter}); a {@code Tables} entry point. Columns of a Java
 * enum are typed with that enum; a generated {@code Pg<Enum>} implementing jOOQ's {@code EnumType}
 * carries the PostgreSQL type name so that values are bound with the right cast.
 */
final class JooqMetamodelWriter {
  static final String JOOQ_TABLE = "org.jooq.impl.TableImpl";
  private static final String JOOQ_RECORD = "org.jooq.impl.UpdatableRecordImpl";
  private static final ClassName ENUM_TYPE = ClassName.get("org.jooq", "EnumType");
  private static final ClassName SCHEMA = ClassName.get("org.jooq", "Schema");
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private final Types types;
  private final Elements elements;
  private final Optional<String> defaultSchema;

  /** @param defaultSchema the schema to give tables declared without one ({@code -Aschemacode.jooq.schema}); empty: none */
  JooqMetamodelWriter(Types types, Elements elements, Optional<String> defaultSchema) {
    this.types = types;
    this.elements = elements;
    this.defaultSchema = defaultSchema;
  }

  /**
   * The files of the metamodel: table and record classes (and {@code Pg<Enum>}s) for the entities
   * of this compilation; {@code Tables}, {@code Keys}, {@code Indexes}, the schemas and the catalog
   * for every table of the schema, so that a compilation that sees only some entities never writes
   * them without the others (see {@link JooqTable}).
   *
   * @param schema the complete schema: this compilation's tables laid over the recorded ones
   * @param declaredBy the class that declares each table, as recorded; a table without one (a ledger
   *     from before classes were recorded, not rewritten since) cannot be referenced and is left out
   */
  Metamodel files(List<DeclaredEntity> entities, Schema schema, Map<QualifiedName, String> declaredBy) {
    Map<QualifiedName, DeclaredEntity> compiled = new LinkedHashMap<>();
    entities.forEach(entity -> compiled.put(entity.table().name(), entity));
    // every table with the class that declares it, in class-name order: the same for any subset compiled
    Map<QualifiedName, String> classes = new LinkedHashMap<>();
    List<QualifiedName> unknown = new ArrayList<>();
    schema.tables().stream()
        .map(Table::name)
        .sorted(Comparator.comparing((QualifiedName name) -> classOf(name, compiled, declaredBy).orElse(""))
            .thenComparing(QualifiedName::toString))
        .forEach(name -> classOf(name, compiled, declaredBy).ifPresentOrElse(c -> classes.put(name, c), () -> unknown.add(name)));
    String tablesPackage = JooqNames.tableClass(classes.values().stream().sorted().findFirst()
        .orElse(entities.get(0).className())).packageName();
    List<JavaFile> files = new ArrayList<>();

    List<DeclaredEntity> sorted = entities.stream().sorted(Comparator.comparing(DeclaredEntity::className)).toList();
    Map<String, ClassName> enumClasses = new LinkedHashMap<>();
    Map<String, TypeMapper.JavaEnum> enums = new LinkedHashMap<>();
    for (DeclaredEntity entity : sorted) {
      for (DeclaredEntity.DeclaredColumn column : entity.columns()) {
        column.enumType().ifPresent(javaEnum -> {
          String name = javaEnum.element().getQualifiedName().toString();
          enumClasses.computeIfAbsent(name, n -> ClassName.get(tablesPackage, JooqNames.enumClass(javaEnum.type().name())));
          enums.putIfAbsent(name, javaEnum);
        });
      }
    }
    JooqSchemaWriter schemas = new JooqSchemaWriter(tablesPackage, defaultSchema);
    // every enum type's schema (one may hold no table), also of enum types only unseen entities use
    schema.enums().forEach(type -> schemas.addEnum(type.name().schema()));
    enums.forEach((name, javaEnum) -> {
      schemas.addEnum(javaEnum.type().name().schema());
      files.add(enumFile(enumClasses.get(name), javaEnum.type(), schemas));
    });

    JooqColumnTypes columnTypes = new JooqColumnTypes(types, enumClasses);
    Set<String> recordMethods = methodsOf(JOOQ_RECORD);
    Map<QualifiedName, JooqTable> tables = new LinkedHashMap<>();
    classes.forEach((name, className) -> {
      Table table = schema.table(name).orElseThrow();
      DeclaredEntity entity = compiled.get(name);
      tables.put(name, entity == null ? JooqTable.referenced(className, table)
          : jooqTable(entity, table, columnTypes, recordMethods));
    });
    // jOOQ 3.20+ keeps a foreign key's ON DELETE / ON UPDATE rules (and its code generator writes them); 3.19 has none
    boolean foreignKeyRules = elements.getTypeElement(JooqKeysWriter.FOREIGN_KEY_RULE.canonicalName()) != null;
    JooqKeysWriter keys = new JooqKeysWriter(tablesPackage, tables, foreignKeyRules);
    tables.values().forEach(schemas::add);
    JooqTableWriter tableWriter = new JooqTableWriter(keys, schemas, zeroArgumentMethods(methodsOf(JOOQ_TABLE)));
    JooqRecordWriter recordWriter = new JooqRecordWriter();
    TypeSpec.Builder tablesType = TypeSpec.classBuilder("Tables")
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(generated())
        .addJavadoc("Every table of the schema, declared by the {@code @Table} entities.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    Map<QualifiedName, String> constants = tablesConstants(schema);
    for (JooqTable table : tables.values()) {
      if (table.compiled()) {
        files.add(javaFile(table.type().packageName(), tableWriter.type(table)));
        files.add(javaFile(table.record().packageName(), recordWriter.type(table)));
      }
      tablesType.addField(FieldSpec.builder(table.type(), constants.get(table.table().name()), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The table {@code $L}.\n", table.table().name())
          .initializer("$L", table.reference())
          .build());
    }
    files.addAll(keys.files());
    files.addAll(schemas.files());
    files.add(javaFile(tablesPackage, tablesType.build()));
    return new Metamodel(files, unknown);
  }

  /**
   * Each table's constant in {@code Tables}: its own constant ({@code EVENT}), but prefixed with its schema
   * ({@code AUDIT_EVENT}) where tables of the same name in several schemas would share it (jOOQ's code
   * generator writes a {@code Tables} per schema instead). Taken from every table of the schema, so a
   * compilation of some entities names them as a build of all does.
   */
  private static Map<QualifiedName, String> tablesConstants(Schema schema) {
    Map<String, Integer> uses = new java.util.HashMap<>();
    schema.tables().forEach(table -> uses.merge(JooqNames.instanceName(table), 1, Integer::sum));
    Map<QualifiedName, String> constants = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    schema.tables().stream().sorted(Comparator.comparing((Table t) -> t.name().toString())).forEach(table -> {
      String constant = JooqNames.instanceName(table);
      if (uses.get(constant) > 1 && !table.name().inDefaultSchema()) {
        constant = JooqNames.constantName(table.name().schema()) + "_" + constant;
      }
      String unique = constant;
      for (int n = 2; !taken.add(unique); n++) {
        unique = constant + "_" + n;
      }
      constants.put(table.name(), unique);
    });
    return constants;
  }

  /** The generated files, and the tables left out of the schema-wide classes because no class is recorded for them. */
  record Metamodel(List<JavaFile> files, List<QualifiedName> unreferenced) {}

  private static Optional<String> classOf(QualifiedName table, Map<QualifiedName, DeclaredEntity> compiled,
      Map<QualifiedName, String> declaredBy) {
    DeclaredEntity entity = compiled.get(table);
    return entity != null ? Optional.of(entity.className()) : Optional.ofNullable(declaredBy.get(table));
  }

  private static JooqTable jooqTable(DeclaredEntity entity, Table table, JooqColumnTypes columnTypes, Set<String> recordMethods) {
    List<JooqTable.Field> fields = new ArrayList<>();
    Set<String> properties = new HashSet<>();
    for (DeclaredEntity.DeclaredColumn declared : entity.columns()) {
      Column column = table.column(declared.column().name()).orElse(declared.column());
      String property = JooqNames.pascalName(column.name());
      // a getter or setter that would override a method of the record class (getTable(), getValue…) gets a '_'
      while (recordMethods.contains("get" + property + "/0") || recordMethods.contains("set" + property + "/1")
          || !properties.add(property)) {
        property = property + "_";
      }
      fields.add(new JooqTable.Field(column, JooqNames.constantName(column.name()), property,
          columnTypes.mapping(declared, column)));
    }
    return new JooqTable(entity.className(), table, JooqNames.tableClass(entity.className()),
        JooqNames.recordClass(entity.className()), JooqNames.pathClass(entity.className()), JooqNames.instanceName(table),
        fields, true);
  }

  /** Every method of a jOOQ class and its supertypes, as {@code name/arity}. */
  private Set<String> methodsOf(String className) {
    Set<String> methods = new HashSet<>();
    TypeElement type = elements.getTypeElement(className);
    if (type != null) {
      for (var member : elements.getAllMembers(type)) {
        if (member.getKind() == ElementKind.METHOD) {
          methods.add(member.getSimpleName() + "/" + ((ExecutableElement) member).getParameters().size());
        }
      }
    }
    return methods;
  }

  private static Set<String> zeroArgumentMethods(Set<String> methods) {
    Set<String> names = new HashSet<>();
    methods.stream().filter(m -> m.endsWith("/0")).forEach(m -> names.add(m.substring(0, m.length() - 2)));
    return names;
  }

  private static JavaFile javaFile(String packageName, TypeSpec type) {
    return JavaFile.builder(packageName, type).skipJavaLangImports(true).indent("    ").build();
  }

  private JavaFile enumFile(ClassName name, EnumType type, JooqSchemaWriter schemas) {
    TypeSpec.Builder spec = TypeSpec.enumBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(ENUM_TYPE)
        .addAnnotation(generated())
        .addJavadoc("The PostgreSQL enum type {@code $L}, as jOOQ binds it.\n", type.name());
    type.labels().forEach(spec::addEnumConstant);
    spec.addMethod(MethodSpec.methodBuilder("getLiteral").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(String.class).addStatement("return name()").build());
    spec.addMethod(MethodSpec.methodBuilder("getName").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(String.class).addStatement("return $S", type.name().name()).build());
    // the schema qualifies the cast of bound values, so RenderMapping maps it as it maps the tables
    spec.addMethod(MethodSpec.methodBuilder("getSchema").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(SCHEMA).addStatement("return $L", schemas.reference(type.name().schema())).build());
    return javaFile(name.packageName(), spec.build());
  }

  static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED).addMember("value", "$S", SchemaProcessor.class.getName()).build();
  }

  static AnnotationSpec suppressWarnings() {
    return AnnotationSpec.builder(SuppressWarnings.class)
        .addMember("value", "{$S, $S, $S}", "unchecked", "rawtypes", "serial").build();
  }
}
