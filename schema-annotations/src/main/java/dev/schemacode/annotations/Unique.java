package dev.schemacode.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A unique constraint. On a field: that column. On a class (repeatable): the listed {@link #columns()}
 * (SQL column names or Java field names), in order.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
@Repeatable(Unique.List.class)
public @interface Unique {
  /** Columns of a class-level constraint; must be empty on a field. */
  String[] columns() default {};

  /** Constraint name; defaults to {@code <table>_<columns>_key}, shortened with a hash past 63 bytes. */
  String name() default "";

  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.TYPE})
  @interface List {
    Unique[] value();
  }
}
