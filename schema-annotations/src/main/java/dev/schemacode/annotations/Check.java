package dev.schemacode.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A check constraint; {@link #value()} is the SQL boolean expression, e.g. {@code "amount > 0"}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
@Repeatable(Check.List.class)
public @interface Check {
  String value();

  /**
   * Constraint name. Defaults to {@code <table>_<column>_check} on a field, and on a class to
   * {@code <table>_<hash of the expression>_check}.
   */
  String name() default "";

  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.TYPE})
  @interface List {
    Check[] value();
  }
}
