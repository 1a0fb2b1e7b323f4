package dev.schemacode.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index. On a field: that column. On a class (repeatable): the listed {@link #columns()} (SQL
 * column names or Java field names), in order.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
@Repeatable(Index.List.class)
public @interface Index {
  /** Columns of a class-level index; must be empty on a field. */
  String[] columns() default {};

  /** A unique index. */
  boolean unique() default false;

  /** A predicate for a partial index, e.g. {@code "deleted_at IS NULL"}. */
  String where() default "";

  /** The index method: {@code btree} (default), {@code hash}, {@code gin}, {@code gist}, {@code brin}, {@code spgist}. */
  String using() default "";

  /** Index name; defaults to {@code <table>_<columns>_idx}, shortened with a hash past 63 bytes. */
  String name() default "";

  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.TYPE})
  @interface List {
    Index[] value();
  }
}
