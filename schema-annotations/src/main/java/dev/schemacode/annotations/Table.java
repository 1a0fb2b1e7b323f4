package dev.schemacode.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a PostgreSQL table. Every non-static field (or record component) of the annotated
 * class is a column unless it is {@link Transient}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {
  /** Table name; defaults to the snake_case of the simple class name ({@code FundingCoverage} → {@code funding_coverage}). */
  String name() default "";

  /** PostgreSQL schema; empty means the connection's default schema (normally {@code public}). */
  String schema() default "";
}
