/**
 * The annotations that declare a PostgreSQL schema on Java classes and records.
 *
 * <p>Nullability follows the Java type: primitives are {@code NOT NULL}; reference types are
 * {@code NOT NULL} unless annotated with an annotation named {@code Nullable} (for example
 * JSpecify's {@code org.jspecify.annotations.Nullable}) or typed {@code Optional<T>}.
 */
package dev.schemacode.annotations;
