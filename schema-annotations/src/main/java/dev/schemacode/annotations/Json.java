package dev.schemacode.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code jsonb} column. The field may have any Java type (a {@code String}, a {@code Map}, a record
 * of your own): the application converts it. {@code JsonNode} (Jackson) and jOOQ's {@code JSONB}
 * fields map to {@code jsonb} without this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Json {}
