package dev.schemacode.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.schemacode.model.Column;
import dev.schemacode.model.EnumType;
import dev.schemacode.model.ForeignKey;
import dev.schemacode.model.Index;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Schema;
import dev.schemacode.model.Table;
import dev.schemacode.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Writes a jOOQ table class for each entity and a {@code Tables} entry point (JavaPoet), the way
 * jOOQ's own code generator would from a database: typed fields with their {@code DataType}
 * (nullability, length, precision, identity), primary, unique and foreign keys (so {@code onKey()}
 * joins work), indexes, schema-qualified names. Columns of a Java enum are typed with that enum;
 * a generated {@code Pg<Enum>} implementing jOOQ's {@code EnumType} carries the PostgreSQL type
 * name so that values are bound with the right cast.
 */
final class JooqMetamodelWriter {
  static final String JOOQ_TABLE = "org.jooq.impl.TableImpl";
  private static final String JOOQ = "org.jooq";
  private static final ClassName RECORD = ClassName.get(JOOQ, "Record");
  private static final ClassName TABLE = ClassName.get(JOOQ, "Table");
  private static final ClassName TABLE_FIELD = ClassName.get(JOOQ, "TableField");
  private static final ClassName UNIQUE_KEY = ClassName.get(JOOQ, "UniqueKey");
  private static final ClassName FOREIGN_KEY = ClassName.get(JOOQ, "ForeignKey");
  private static final ClassName INDEX = ClassName.get(JOOQ, "Index");
  private static final ClassName IDENTITY = ClassName.get(JOOQ, "Identity");
  private static final ClassName NAME = ClassName.get(JOOQ, "Name");
  private static final ClassName SCHEMA = ClassName.get(JOOQ, "Schema");
  private static final ClassName ORDER_FIELD = ClassName.get(JOOQ, "OrderField");
  private static final ClassName CONVERTER = ClassName.get(JOOQ, "Converter");
  private static final ClassName ENUM_TYPE = ClassName.get(JOOQ, "EnumType");
  private static final ClassName JSONB = ClassName.get(JOOQ, "JSONB");
  private static final ClassName JSON = ClassName.get(JOOQ, "JSON");
  private static final ClassName TABLE_IMPL = ClassName.get("org.jooq.impl", "TableImpl");
  private static final ClassName DSL = ClassName.get("org.jooq.impl", "DSL");
  private static final ClassName SQL_DATA_TYPE = ClassName.get("org.jooq.impl", "SQLDataType");
  private static final ClassName INTERNAL = ClassName.get("org.jooq.impl", "Internal");
  private static final ClassName YEAR_TO_SECOND = ClassName.get("org.jooq.types", "YearToSecond");
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
  private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
  private static final Map<String, String> PLAIN_TYPES = Map.ofEntries(
      Map.entry("boolean", "BOOLEAN"), Map.entry("smallint", "SMALLINT"), Map.entry("integer", "INTEGER"),
      Map.entry("bigint", "BIGINT"), Map.entry("real", "REAL"), Map.entry("double precision", "DOUBLE"),
      Map.entry("text", "CLOB"), Map.entry("uuid", "UUID"), Map.entry("date", "LOCALDATE"),
      Map.entry("time", "LOCALTIME"), Map.entry("timestamp", "LOCALDATETIME"), Map.entry("bytea", "BLOB"),
      Map.entry("jsonb", "JSONB"), Map.entry("json", "JSON"), Map.entry("numeric", "NUMERIC"),
      Map.entry("interval", "INTERVAL"));

  private final Types types;
  private final Map<String, ClassName> enumClasses = new LinkedHashMap<>();

  JooqMetamodelWriter(Types types) {
    this.types = types;
  }

  /** The generated table class of an entity class: {@code com.example.Customer} → {@code com.example.jooq.CustomerTable}. */
  static ClassName tableClass(String entityClass) {
    int dot = entityClass.lastIndexOf('.');
    String pkg = dot < 0 ? "jooq" : entityClass.substring(0, dot) + ".jooq";
    return ClassName.get(pkg, entityClass.substring(dot + 1).replace('$', '_') + "Table");
  }

  List<JavaFile> files(List<DeclaredEntity> entities, Schema schema, Map<QualifiedName, String> declaredBy) {
    List<DeclaredEntity> sorted = entities.stream()
        .sorted(java.util.Comparator.comparing(DeclaredEntity::className)).toList();
    String tablesPackage = tableClass(sorted.get(0).className()).packageName();
    List<JavaFile> files = new ArrayList<>();
    for (DeclaredEntity entity : sorted) {
      for (DeclaredEntity.DeclaredColumn column : entity.columns()) {
        column.enumType().ifPresent(javaEnum -> enumClasses.computeIfAbsent(
            javaEnum.element().getQualifiedName().toString(),
            name -> ClassName.get(tablesPackage, "Pg" + javaEnum.element().getSimpleName())));
      }
    }
    Map<String, TypeMapper.JavaEnum> enums = new LinkedHashMap<>();
    sorted.forEach(e -> e.columns().forEach(c -> c.enumType().ifPresent(j ->
        enums.putIfAbsent(j.element().getQualifiedName().toString(), j))));
    enums.forEach((name, javaEnum) -> files.add(enumFile(enumClasses.get(name), javaEnum.type())));
    TypeSpec.Builder tables = TypeSpec.classBuilder("Tables")
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(generated())
        .addJavadoc("Every table of the schema, declared by the {@code @Table} entities.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (DeclaredEntity entity : sorted) {
      Table table = schema.table(entity.table().name()).orElse(entity.table());
      ClassName name = tableClass(entity.className());
      files.add(JavaFile.builder(name.packageName(), tableType(name, entity, table, schema, declaredBy))
          .skipJavaLangImports(true).indent("    ").build());
      tables.addField(FieldSpec.builder(name, instanceName(table), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The table {@code $L}.\n", table.name())
          .initializer("$T.$L", name, instanceName(table))
          .build());
    }
    files.add(JavaFile.builder(tablesPackage, tables.build()).skipJavaLangImports(true).indent("    ").build());
    return files;
  }

  private TypeSpec tableType(ClassName name, DeclaredEntity entity, Table table, Schema schema,
      Map<QualifiedName, String> declaredBy) {
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(TABLE_IMPL, RECORD))
        .addAnnotation(generated())
        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "{$S, $S, $S}", "unchecked", "rawtypes", "serial").build())
        .addJavadoc("The table {@code $L}, declared by {@link $L}.\n", table.name(), entity.className());
    String instance = instanceName(table);
    type.addField(FieldSpec.builder(name, instance, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer("new $T()", name).build());

    Map<String, String> fieldNames = new LinkedHashMap<>();
    for (DeclaredEntity.DeclaredColumn declared : entity.columns()) {
      Column column = table.column(declared.column().name()).orElse(declared.column());
      String fieldName = constantName(column.name());
      fieldNames.put(column.name(), fieldName);
      Mapping mapping = mapping(declared, column);
      CodeBlock init = mapping.converter()
          .map(converter -> CodeBlock.of("createField($T.name($S), $L, this, $S, $L)", DSL, column.name(), mapping.dataType(),
              column.comment().orElse(""), converter))
          .orElseGet(() -> CodeBlock.of("createField($T.name($S), $L, this, $S)", DSL, column.name(), mapping.dataType(),
              column.comment().orElse("")));
      type.addField(FieldSpec.builder(ParameterizedTypeName.get(TABLE_FIELD, RECORD, mapping.javaType()), fieldName,
              Modifier.PUBLIC, Modifier.FINAL)
          .addJavadoc("{@code $L $L$L}\n", column.name(), column.type(), column.nullable() ? "" : " NOT NULL")
          .initializer(init).build());
    }

    Optional<String> schemaName = table.name().inDefaultSchema() ? Optional.empty() : Optional.of(table.name().schema());
    CodeBlock schemaValue = schemaName.map(s -> CodeBlock.of("$T.schema($T.name($S))", DSL, DSL, s))
        .orElse(CodeBlock.of("null"));
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
        .addStatement("this($T.name($S), null)", DSL, table.name().name()).build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
        .addParameter(NAME, "alias").addParameter(ParameterizedTypeName.get(TABLE, RECORD), "aliased")
        .addStatement("super(alias, $L, aliased, null, $T.comment($S))", schemaValue, DSL, table.comment().orElse(""))
        .build());
    type.addMethod(MethodSpec.methodBuilder("as").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(name).addParameter(String.class, "alias")
        .addStatement("return new $T($T.name(alias), this)", name, DSL).build());
    type.addMethod(MethodSpec.methodBuilder("as").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(name).addParameter(NAME, "alias")
        .addStatement("return new $T(alias, this)", name).build());
    if (schemaName.isPresent()) {
      type.addMethod(MethodSpec.methodBuilder("getSchema").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
          .returns(SCHEMA)
          .addStatement("return aliased() ? null : $T.schema($T.name($S))", DSL, DSL, schemaName.get()).build());
    }

    table.primaryKey().ifPresent(key -> {
      type.addField(uniqueKeyField(key.name(), key.columns(), fieldNames));
      type.addMethod(MethodSpec.methodBuilder("getPrimaryKey").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(UNIQUE_KEY, RECORD))
          .addStatement("return $L", keyName(key.name())).build());
    });
    for (UniqueConstraint unique : table.uniques()) {
      type.addField(uniqueKeyField(unique.name(), unique.columns(), fieldNames));
    }
    if (!table.uniques().isEmpty()) {
      type.addMethod(MethodSpec.methodBuilder("getUniqueKeys").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(LIST, ParameterizedTypeName.get(UNIQUE_KEY, RECORD)))
          .addStatement("return $T.of($L)", LIST, CodeBlock.join(table.uniques().stream()
              .map(u -> CodeBlock.of("$L", keyName(u.name()))).toList(), ", ")).build());
    }
    table.columns().stream().filter(Column::identity).findFirst().ifPresent(column -> type.addMethod(
        MethodSpec.methodBuilder("getIdentity").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(IDENTITY, RECORD, WildcardTypeName.subtypeOf(Object.class)))
            .addStatement("return $T.createIdentity(this, $L)", INTERNAL, fieldNames.get(column.name())).build()));
    if (!table.foreignKeys().isEmpty()) {
      List<CodeBlock> keys = new ArrayList<>();
      for (ForeignKey key : table.foreignKeys()) {
        if (declaredBy.containsKey(key.target())) { // a ledger from before class names were recorded may lack it
          keys.add(foreignKey(key, fieldNames, schema, declaredBy));
        }
      }
      type.addMethod(MethodSpec.methodBuilder("getReferences").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
          .addJavadoc("Created on each call: the referenced tables may still be initialising while this one is.\n")
          .returns(ParameterizedTypeName.get(LIST, ParameterizedTypeName.get(FOREIGN_KEY, RECORD,
              WildcardTypeName.subtypeOf(Object.class))))
          .addStatement("return $T.of($L)", LIST, CodeBlock.join(keys, ",\n")).build());
    }
    if (!table.indexes().isEmpty()) {
      List<CodeBlock> indexes = new ArrayList<>();
      for (Index index : table.indexes()) {
        indexes.add(CodeBlock.of("$T.createIndex($T.name($S), this, new $T[] { $L }, $L)", INTERNAL, DSL, index.name(),
            ORDER_FIELD, fieldList(index.columns(), fieldNames), index.unique()));
      }
      type.addMethod(MethodSpec.methodBuilder("getIndexes").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(LIST, INDEX))
          .addStatement("return $T.of($L)", LIST, CodeBlock.join(indexes, ",\n")).build());
    }
    return type.build();
  }

  private static FieldSpec uniqueKeyField(String constraint, List<String> columns, Map<String, String> fieldNames) {
    return FieldSpec.builder(ParameterizedTypeName.get(UNIQUE_KEY, RECORD), keyName(constraint), Modifier.PUBLIC, Modifier.FINAL)
        .initializer("$T.createUniqueKey(this, $T.name($S), new $T[] { $L }, true)", INTERNAL, DSL, constraint,
            TABLE_FIELD, fieldList(columns, fieldNames))
        .build();
  }

  private CodeBlock foreignKey(ForeignKey key, Map<String, String> fieldNames, Schema schema,
      Map<QualifiedName, String> declaredBy) {
    String targetClass = declaredBy.get(key.target());
    Table target = schema.table(key.target()).orElseThrow();
    ClassName targetType = tableClass(targetClass);
    String targetInstance = CodeBlock.of("$T.$L", targetType, instanceName(target)).toString();
    Map<String, String> targetFields = new LinkedHashMap<>();
    target.columns().forEach(c -> targetFields.put(c.name(), targetInstance + "." + constantName(c.name())));
    CodeBlock targetKey = target.primaryKey().filter(pk -> new HashSet<>(pk.columns()).equals(new HashSet<>(key.targetColumns())))
        .map(pk -> CodeBlock.of("$L.$L", targetInstance, keyName(pk.name())))
        .or(() -> target.uniques().stream().filter(u -> new HashSet<>(u.columns()).equals(new HashSet<>(key.targetColumns())))
            .findFirst().map(u -> CodeBlock.of("$L.$L", targetInstance, keyName(u.name()))))
        .orElseGet(() -> CodeBlock.of("$T.createUniqueKey($L, new $T[] { $L })", INTERNAL, targetInstance, TABLE_FIELD,
            fieldList(key.targetColumns(), targetFields)));
    return CodeBlock.of("$T.createForeignKey(this, $T.name($S), new $T[] { $L }, $L, new $T[] { $L }, true)", INTERNAL, DSL,
        key.name(), TABLE_FIELD, fieldList(key.columns(), fieldNames), targetKey, TABLE_FIELD,
        fieldList(key.targetColumns(), targetFields));
  }

  private static String fieldList(List<String> columns, Map<String, String> fieldNames) {
    return String.join(", ", columns.stream().map(fieldNames::get).toList());
  }

  /** A field's jOOQ data type and Java type, and the converter between them when they differ. */
  private record Mapping(CodeBlock dataType, TypeName javaType, Optional<CodeBlock> converter) {}

  private Mapping mapping(DeclaredEntity.DeclaredColumn declared, Column column) {
    String sqlType = column.type();
    boolean array = sqlType.endsWith("[]");
    String base = array ? sqlType.substring(0, sqlType.length() - 2) : sqlType;
    TypeMirror javaType = declared.javaType();
    Optional<TypeMirror> element = TypeMapper.arrayElement(javaType);
    TypeMirror scalarJava = element.orElse(javaType);

    CodeBlock dataType;
    TypeName javaName;
    Optional<CodeBlock> converter = Optional.empty();
    if (declared.enumType().isPresent()) {
      ClassName pg = enumClasses.get(declared.enumType().get().element().getQualifiedName().toString());
      TypeName userEnum = TypeName.get(types.erasure(scalarJava));
      dataType = CodeBlock.of("$T.VARCHAR.asEnumDataType($T.class)", SQL_DATA_TYPE, pg);
      if (array) {
        // arrays of enum values stay in jOOQ's enum type
        dataType = CodeBlock.of("$L.array()", dataType);
        javaName = ArrayTypeName.of(pg);
      } else {
        javaName = userEnum;
        converter = Optional.of(CodeBlock.of("$T.ofNullable($T.class, $T.class, v -> $T.valueOf(v.name()), v -> $T.valueOf(v.name()))",
            CONVERTER, pg, userEnum, userEnum, pg));
      }
      return new Mapping(constraints(dataType, column), javaName, converter);
    }
    Scalar scalar = scalar(base, scalarJava);
    dataType = scalar.dataType();
    javaName = scalar.javaType();
    converter = scalar.converter();
    if (array) {
      dataType = CodeBlock.of("$L.array()", dataType);
      TypeName arrayType = ArrayTypeName.of(javaName.box());
      if (javaType instanceof ArrayType || element.isEmpty()) {
        javaName = arrayType;
      } else {
        // List<T>, Set<T>, Collection<T>: as a java.util.List, converted from the array jOOQ reads
        TypeName list = ParameterizedTypeName.get(LIST, javaName.box());
        converter = Optional.of(CodeBlock.of("$T.ofNullable($T.class, ($T<$T>) ($T) $T.class, $T::asList, v -> v.toArray(new $T[0]))",
            CONVERTER, arrayType, Class.class, list, Class.class, LIST, java.util.Arrays.class, javaName.box()));
        javaName = list;
      }
    }
    return new Mapping(constraints(dataType, column), javaName, converter);
  }

  private record Scalar(CodeBlock dataType, TypeName javaType, Optional<CodeBlock> converter) {}

  private Scalar scalar(String sqlType, TypeMirror java) {
    String javaClass = TypeMapper.qualifiedName(java).orElse("");
    Matcher varchar = VARCHAR.matcher(sqlType);
    if (varchar.matches()) {
      return new Scalar(CodeBlock.of("$T.VARCHAR($L)", SQL_DATA_TYPE, varchar.group(1)), ClassName.get(String.class), Optional.empty());
    }
    Matcher numeric = NUMERIC.matcher(sqlType);
    if (numeric.matches()) {
      return new Scalar(CodeBlock.of("$T.NUMERIC($L, $L)", SQL_DATA_TYPE, numeric.group(1), numeric.group(2)),
          ClassName.get(java.math.BigDecimal.class), Optional.empty());
    }
    switch (sqlType) {
      case "timestamptz":
        return javaClass.equals("java.time.OffsetDateTime")
            ? plain("TIMESTAMPWITHTIMEZONE", ClassName.get(java.time.OffsetDateTime.class))
            : plain("INSTANT", ClassName.get(java.time.Instant.class));
      case "numeric":
        return javaClass.equals("java.math.BigInteger")
            ? plain("DECIMAL_INTEGER", ClassName.get(java.math.BigInteger.class))
            : plain("NUMERIC", ClassName.get(java.math.BigDecimal.class));
      case "interval":
        return new Scalar(CodeBlock.of("$T.INTERVAL", SQL_DATA_TYPE), ClassName.get(java.time.Duration.class),
            Optional.of(CodeBlock.of("$T.ofNullable($T.class, $T.class, $T::toDuration, $T::valueOf)", CONVERTER,
                YEAR_TO_SECOND, java.time.Duration.class, YEAR_TO_SECOND, YEAR_TO_SECOND)));
      case "jsonb":
        return javaClass.equals("java.lang.String")
            ? new Scalar(CodeBlock.of("$T.JSONB", SQL_DATA_TYPE), ClassName.get(String.class),
                Optional.of(CodeBlock.of("$T.ofNullable($T.class, $T.class, $T::data, $T::valueOf)", CONVERTER, JSONB,
                    String.class, JSONB, JSONB)))
            : plain("JSONB", JSONB);
      case "json":
        return plain("JSON", JSON);
      default:
        break;
    }
    String constant = PLAIN_TYPES.get(sqlType);
    if (constant == null) {
      // an explicit @Column(type) outside the mapping table: jOOQ sees it as OTHER
      return new Scalar(CodeBlock.of("$T.OTHER", SQL_DATA_TYPE), ClassName.get(Object.class), Optional.empty());
    }
    return plain(constant, javaTypeOf(constant));
  }

  private static Scalar plain(String constant, TypeName javaType) {
    return new Scalar(CodeBlock.of("$T.$L", SQL_DATA_TYPE, constant), javaType, Optional.empty());
  }

  private static TypeName javaTypeOf(String constant) {
    return switch (constant) {
      case "BOOLEAN" -> ClassName.get(Boolean.class);
      case "SMALLINT" -> ClassName.get(Short.class);
      case "INTEGER" -> ClassName.get(Integer.class);
      case "BIGINT" -> ClassName.get(Long.class);
      case "REAL" -> ClassName.get(Float.class);
      case "DOUBLE" -> ClassName.get(Double.class);
      case "UUID" -> ClassName.get(java.util.UUID.class);
      case "LOCALDATE" -> ClassName.get(java.time.LocalDate.class);
      case "LOCALTIME" -> ClassName.get(java.time.LocalTime.class);
      case "LOCALDATETIME" -> ClassName.get(java.time.LocalDateTime.class);
      case "BLOB" -> ArrayTypeName.of(TypeName.BYTE);
      case "NUMERIC" -> ClassName.get(java.math.BigDecimal.class);
      default -> ClassName.get(String.class);
    };
  }

  private static CodeBlock constraints(CodeBlock dataType, Column column) {
    CodeBlock.Builder builder = CodeBlock.builder().add("$L", dataType);
    if (!column.nullable()) {
      builder.add(".nullable(false)");
    }
    if (column.identity()) {
      builder.add(".identity(true)");
    }
    return builder.build();
  }

  private JavaFile enumFile(ClassName name, EnumType type) {
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
    if (!type.name().inDefaultSchema()) {
      spec.addMethod(MethodSpec.methodBuilder("getSchema").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
          .returns(SCHEMA).addStatement("return $T.schema($T.name($S))", DSL, DSL, type.name().schema()).build());
    }
    return JavaFile.builder(name.packageName(), spec.build()).skipJavaLangImports(true).indent("    ").build();
  }

  private static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED).addMember("value", "$S", SchemaProcessor.class.getName()).build();
  }

  /** {@code created_at} → {@code CREATED_AT}; anything that is not a letter or digit becomes an underscore. */
  static String constantName(String sqlName) {
    String name = sqlName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    return Character.isJavaIdentifierStart(name.charAt(0)) ? name : "_" + name;
  }

  private static String instanceName(Table table) {
    String name = constantName(table.name().name());
    Set<String> columns = new HashSet<>();
    table.columns().forEach(c -> columns.add(constantName(c.name())));
    return columns.contains(name) ? name + "_TABLE" : name;
  }

  private static String keyName(String constraint) {
    return "KEY_" + constantName(constraint);
  }
}
