package dev.schemacode.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The table or column used to be called {@link #value()}: the next migration renames it and keeps its
 * data, instead of dropping the old one and adding a new one. Remove the annotation once the rename
 * is recorded (keeping it is harmless).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
public @interface RenamedFrom {
  String value();
}
