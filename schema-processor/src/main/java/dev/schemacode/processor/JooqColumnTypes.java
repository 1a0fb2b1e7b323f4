package dev.schemacode.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.schemacode.model.Column;
import dev.schemacode.model.introspect.TypeNames;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * A column's jOOQ {@code DataType} (with nullability, length, precision, identity and default) and
 * the Java type of its field, with the converter between the two where the entity's type is not
 * the one jOOQ reads.
 */
final class JooqColumnTypes {
  private static final ClassName CONVERTER = ClassName.get("org.jooq", "Converter");
  private static final ClassName JSONB = ClassName.get("org.jooq", "JSONB");
  private static final ClassName JSON = ClassName.get("org.jooq", "JSON");
  private static final ClassName DSL = ClassName.get("org.jooq.impl", "DSL");
  private static final ClassName SQL_DATA_TYPE = ClassName.get("org.jooq.impl", "SQLDataType");
  private static final ClassName YEAR_TO_SECOND = ClassName.get("org.jooq.types", "YearToSecond");
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
  private static final Pattern CHAR = Pattern.compile("char\\((\\d+)\\)");
  private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
  /** A lone SQL string literal ({@code 'EUR'}, {@code 'it''s'}), without a cast. */
  private static final Pattern STRING_LITERAL = Pattern.compile("'((?:[^']|'')*)'");
  private static final Pattern NOW = Pattern.compile("(?i)now\\(\\s*\\)|current_timestamp");
  private static final Pattern TEMPORAL = Pattern.compile("(timestamptz|timestamp|time)(?:\\((\\d+)\\))?");
  /** PostgreSQL's precision of {@code timestamp}, {@code timestamptz} and {@code time} when none is written. */
  private static final int DEFAULT_FRACTIONAL_SECONDS = 6;
  private static final Map<String, String> PLAIN_TYPES = Map.ofEntries(
      Map.entry("boolean", "BOOLEAN"), Map.entry("smallint", "SMALLINT"), Map.entry("integer", "INTEGER"),
      Map.entry("bigint", "BIGINT"), Map.entry("real", "REAL"), Map.entry("double precision", "DOUBLE"),
      Map.entry("text", "CLOB"), Map.entry("uuid", "UUID"), Map.entry("date", "LOCALDATE"),
      Map.entry("bytea", "BLOB"), Map.entry("jsonb", "JSONB"), Map.entry("json", "JSON"),
      Map.entry("numeric", "NUMERIC"), Map.entry("interval", "INTERVAL"));

  private final Types types;
  private final Map<String, ClassName> enumClasses;

  /** @param enumClasses Java enum's qualified name → the generated {@code Pg<Enum>} */
  JooqColumnTypes(Types types, Map<String, ClassName> enumClasses) {
    this.types = types;
    this.enumClasses = enumClasses;
  }

  /** A field's jOOQ data type and Java type, and the converter between them when they differ. */
  record Mapping(CodeBlock dataType, TypeName javaType, Optional<CodeBlock> converter) {}

  Mapping mapping(DeclaredEntity.DeclaredColumn declared, Column column) {
    // one spelling per type (@Column(type = "timestamp(3) with time zone") is timestamptz(3)), as the differ compares them
    String sqlType = TypeNames.canonical(column.type());
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
      return new Mapping(constraints(dataType, column, false, false), javaName, converter);
    }
    Scalar scalar = scalar(base, scalarJava, array);
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
    boolean timestamp = !array && (base.startsWith("timestamp"));
    boolean text = !array && (base.equals("text") || VARCHAR.matcher(base).matches()) && javaName.equals(ClassName.get(String.class));
    return new Mapping(constraints(dataType, column, text, timestamp), javaName, converter);
  }

  private record Scalar(CodeBlock dataType, TypeName javaType, Optional<CodeBlock> converter) {}

  private Scalar scalar(String sqlType, TypeMirror java, boolean array) {
    String javaClass = TypeMapper.qualifiedName(java).orElse("");
    Matcher varchar = VARCHAR.matcher(sqlType);
    if (varchar.matches()) {
      return new Scalar(CodeBlock.of("$T.VARCHAR($L)", SQL_DATA_TYPE, varchar.group(1)), ClassName.get(String.class), Optional.empty());
    }
    Matcher fixed = CHAR.matcher(sqlType);
    if (fixed.matches() && javaClass.equals("java.lang.String")) {
      return new Scalar(CodeBlock.of("$T.CHAR($L)", SQL_DATA_TYPE, fixed.group(1)), ClassName.get(String.class), Optional.empty());
    }
    Matcher numeric = NUMERIC.matcher(sqlType);
    if (numeric.matches()) {
      return new Scalar(CodeBlock.of("$T.NUMERIC($L, $L)", SQL_DATA_TYPE, numeric.group(1), numeric.group(2)),
          ClassName.get(java.math.BigDecimal.class), Optional.empty());
    }
    Matcher temporal = TEMPORAL.matcher(sqlType);
    if (temporal.matches()) {
      // the precision is carried as the database has it (6 unless written), as jOOQ's code generator does
      int precision = temporal.group(2) == null ? DEFAULT_FRACTIONAL_SECONDS : Integer.parseInt(temporal.group(2));
      return switch (temporal.group(1)) {
        case "timestamptz" -> javaClass.equals("java.time.OffsetDateTime")
            ? precise("TIMESTAMPWITHTIMEZONE", precision, ClassName.get(java.time.OffsetDateTime.class))
            : array ? precise("INSTANT", precision, ClassName.get(java.time.Instant.class)) : instant(precision);
        case "timestamp" -> precise("LOCALDATETIME", precision, ClassName.get(java.time.LocalDateTime.class));
        default -> precise("LOCALTIME", precision, ClassName.get(java.time.LocalTime.class));
      };
    }
    switch (sqlType) {
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

  /**
   * An {@code Instant} column: the data type is the database's ({@code timestamp with time zone}, as
   * jOOQ reads it from the catalog, so {@code Meta} diffs see the same type), converted to the
   * entity's {@code Instant} at UTC, which is how jOOQ's own {@code INSTANT} binds it.
   */
  private static Scalar instant(int precision) {
    return new Scalar(CodeBlock.of("$T.TIMESTAMPWITHTIMEZONE($L)", SQL_DATA_TYPE, precision), ClassName.get(java.time.Instant.class),
        Optional.of(CodeBlock.of("$T.ofNullable($T.class, $T.class, $T::toInstant, v -> v.atOffset($T.UTC))", CONVERTER,
            java.time.OffsetDateTime.class, java.time.Instant.class, java.time.OffsetDateTime.class, java.time.ZoneOffset.class)));
  }

  private static Scalar plain(String constant, TypeName javaType) {
    return new Scalar(CodeBlock.of("$T.$L", SQL_DATA_TYPE, constant), javaType, Optional.empty());
  }

  private static Scalar precise(String constant, int precision, TypeName javaType) {
    return new Scalar(CodeBlock.of("$T.$L($L)", SQL_DATA_TYPE, constant, precision), javaType, Optional.empty());
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
      case "BLOB" -> ArrayTypeName.of(TypeName.BYTE);
      case "NUMERIC" -> ClassName.get(java.math.BigDecimal.class);
      default -> ClassName.get(String.class);
    };
  }

  /**
   * Nullability, identity and the default, so that {@code DSLContext.ddl()} and {@code Meta} see it.
   * The default is what jOOQ makes of the catalog's spelling of it where that is known: a string
   * literal on a text column is the value ({@code DSL.inline}; PostgreSQL reads it back as
   * {@code 'EUR'::character varying}, which jOOQ's {@code Meta} takes for the same value), {@code now()}
   * and {@code current_timestamp} are {@code DSL.currentTimestamp()} (jOOQ reads {@code now()} as
   * that); anything else is the declared SQL, verbatim ({@code DSL.raw}), typed like the column.
   */
  private static CodeBlock constraints(CodeBlock dataType, Column column, boolean text, boolean temporal) {
    CodeBlock.Builder builder = CodeBlock.builder().add("$L", dataType);
    if (!column.nullable()) {
      builder.add(".nullable(false)");
    }
    if (column.identity()) {
      builder.add(".identity(true)");
    }
    column.defaultExpression().ifPresent(expression -> {
      String sql = expression.strip();
      Matcher literal = STRING_LITERAL.matcher(sql);
      if (text && literal.matches()) {
        builder.add(".defaultValue($T.inline($S, $L))", DSL, literal.group(1).replace("''", "'"), dataType);
      } else if (temporal && NOW.matcher(sql).matches()) {
        builder.add(".defaultValue($T.currentTimestamp().coerce($L))", DSL, dataType);
      } else {
        builder.add(".defaultValue($T.field($T.raw($S), $L))", DSL, DSL, expression, dataType);
      }
    });
    return builder.build();
  }
}
