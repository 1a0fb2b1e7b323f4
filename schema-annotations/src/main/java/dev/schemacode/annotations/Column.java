package dev.schemacode.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Overrides how a field maps to its column. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Column {
  /** Column name; defaults to the snake_case of the field name ({@code collectedAt} → {@code collected_at}). */
  String name() default "";

  /** An explicit SQL type such as {@code "citext"}; replaces the type mapped from the Java type. */
  String type() default "";

  /** For {@code String}: maps to {@code varchar(length)} instead of {@code text}. */
  int length() default 0;

  /** For {@code BigDecimal}: total digits of {@code numeric(precision, scale)}. */
  int precision() default 0;

  /** For {@code BigDecimal}: digits after the decimal point; needs {@link #precision()}. */
  int scale() default 0;
}
