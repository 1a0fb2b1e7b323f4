package dev.schemacode.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the PostgreSQL enum type of a Java enum. Without it, enum {@code CollectionStatus} becomes
 * type {@code collection_status} in the default schema, with the constant names as labels in
 * declaration order.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PgEnum {
  String name() default "";

  String schema() default "";
}
