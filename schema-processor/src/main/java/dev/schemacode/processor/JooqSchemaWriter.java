package dev.schemacode.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * The schema classes and {@code DefaultCatalog}, as jOOQ's code generator writes them. Tables and
 * enum types in the connection's schema belong to {@code DefaultSchema}, whose empty name jOOQ never
 * renders (so {@code search_path} decides, as codegen's {@code outputSchemaToDefault} does), unless
 * {@code -Aschemacode.jooq.schema=public} names that schema: then it is a schema like any other,
 * rendered and mapped by {@code RenderMapping}. Tables declared in a schema always carry it.
 */
final class JooqSchemaWriter {
  private static final ClassName SCHEMA_IMPL = ClassName.get("org.jooq.impl", "SchemaImpl");
  private static final ClassName CATALOG_IMPL = ClassName.get("org.jooq.impl", "CatalogImpl");
  private static final ClassName CATALOG = ClassName.get("org.jooq", "Catalog");
  private static final ClassName SCHEMA = ClassName.get("org.jooq", "Schema");
  private static final ClassName TABLE = ClassName.get("org.jooq", "Table");
  private static final ClassName LIST = ClassName.get("java.util", "List");

  /** The other classes generated in the package of the schema classes. */
  private static final java.util.Set<String> SCHEMA_WIDE_CLASSES =
      java.util.Set.of("Tables", "Keys", "Indexes", "DefaultCatalog", "DefaultSchema");

  private final String packageName;
  private final Optional<String> defaultSchema;
  private final ClassName catalog;
  /** Schema name as rendered ("" for the connection's) → tables in it. */
  private final Map<String, List<JooqTable>> schemas = new TreeMap<>();

  JooqSchemaWriter(String packageName, Optional<String> defaultSchema) {
    this.packageName = packageName;
    this.defaultSchema = defaultSchema;
    this.catalog = ClassName.get(packageName, "DefaultCatalog");
  }

  void add(JooqTable table) {
    schemas.computeIfAbsent(name(table.table().name().schema()), s -> new ArrayList<>()).add(table);
  }

  /** An enum type's schema, which may hold no table. */
  void addEnum(String declaredSchema) {
    schemas.computeIfAbsent(name(declaredSchema), s -> new ArrayList<>());
  }

  /** The schema a table or enum type of this declared schema ("" when none was declared) renders in. */
  private String name(String declared) {
    return declared.isEmpty() ? defaultSchema.orElse("") : declared;
  }

  /** {@code Public.PUBLIC}, or {@code DefaultSchema.DEFAULT_SCHEMA} for the connection's schema. */
  CodeBlock reference(String declaredSchema) {
    String name = name(declaredSchema);
    return CodeBlock.of("$T.$L", schemaClass(name), constant(name));
  }

  /**
   * The schema a table of this declared schema is constructed with: the named schema, so that its
   * fields' and keys' qualified names carry it as jOOQ's {@code Meta} of the database does; none
   * for the connection's schema, whose empty name must not become part of a qualified name.
   */
  java.util.Optional<CodeBlock> constructedIn(String declaredSchema) {
    return name(declaredSchema).isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(reference(declaredSchema));
  }

  private ClassName schemaClass(String name) {
    if (name.isEmpty()) {
      return ClassName.get(packageName, "DefaultSchema");
    }
    String simple = JooqNames.pascalName(name);
    // a schema named keys, tables, … would be a second class of that name beside the generated one
    return ClassName.get(packageName, SCHEMA_WIDE_CLASSES.contains(simple) ? simple + "Schema" : simple);
  }

  private static String constant(String name) {
    return name.isEmpty() ? "DEFAULT_SCHEMA" : JooqNames.constantName(name);
  }

  List<JavaFile> files() {
    List<JavaFile> files = new ArrayList<>();
    List<CodeBlock> schemaReferences = new ArrayList<>();
    schemas.forEach((name, tables) -> {
      ClassName type = schemaClass(name);
      schemaReferences.add(CodeBlock.of("$T.$L", type, constant(name)));
      TypeSpec spec = TypeSpec.classBuilder(type).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
          .superclass(SCHEMA_IMPL)
          .addAnnotation(JooqMetamodelWriter.generated())
          .addAnnotation(JooqMetamodelWriter.suppressWarnings())
          .addJavadoc(name.isEmpty()
              ? CodeBlock.of("The connection's schema ({@code search_path}): its empty name is never rendered.\n")
              : CodeBlock.of("The schema {@code $L}.\n", name))
          .addField(FieldSpec.builder(type, constant(name), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
              .initializer("new $T()", type).build())
          .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
              .addStatement("super($S, null)", name).build())
          .addMethod(MethodSpec.methodBuilder("getCatalog").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
              .returns(CATALOG).addStatement("return $T.DEFAULT_CATALOG", catalog).build())
          .addMethod(MethodSpec.methodBuilder("getTables").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
              .returns(ParameterizedTypeName.get(LIST, ParameterizedTypeName.get(TABLE, WildcardTypeName.subtypeOf(Object.class))))
              .addStatement("return $T.of($L)", LIST, CodeBlock.join(tables.stream().map(JooqTable::reference).toList(), ", "))
              .build())
          .build();
      files.add(JavaFile.builder(packageName, spec).skipJavaLangImports(true).indent("    ").build());
    });
    TypeSpec catalogSpec = TypeSpec.classBuilder(catalog).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(CATALOG_IMPL)
        .addAnnotation(JooqMetamodelWriter.generated())
        .addAnnotation(JooqMetamodelWriter.suppressWarnings())
        .addJavadoc("Every schema the {@code @Table} entities declare tables in.\n")
        .addField(FieldSpec.builder(catalog, "DEFAULT_CATALOG", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", catalog).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addStatement("super($S)", "").build())
        .addMethod(MethodSpec.methodBuilder("getSchemas").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(LIST, SCHEMA))
            .addStatement("return $T.of($L)", LIST, CodeBlock.join(schemaReferences, ", ")).build())
        .build();
    files.add(JavaFile.builder(packageName, catalogSpec).skipJavaLangImports(true).indent("    ").build());
    return files;
  }
}
