package dev.schemacode.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A foreign key to the table of entity {@link #value()}.
 *
 * <p>On a field: that column references {@link #column()}, by default the target's (single-column)
 * primary key. On a class (repeatable), for composite keys: {@link #columns()} reference
 * {@link #referencedColumns()}, by default the target's primary key in key order.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
@Repeatable(References.List.class)
public @interface References {
  /** The referenced entity: a {@link Table} class. */
  Class<?> value();

  /** On a field: the referenced column; defaults to the target's primary key. */
  String column() default "";

  /** On a class: the referencing columns, in order. */
  String[] columns() default {};

  /** On a class: the referenced columns, in the order of {@link #columns()}; defaults to the target's primary key. */
  String[] referencedColumns() default {};

  ReferentialAction onDelete() default ReferentialAction.NO_ACTION;

  ReferentialAction onUpdate() default ReferentialAction.NO_ACTION;

  /** Constraint name; defaults to {@code <table>_<columns>_fkey}, shortened with a hash past 63 bytes. */
  String name() default "";

  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.TYPE})
  @interface List {
    References[] value();
  }
}
