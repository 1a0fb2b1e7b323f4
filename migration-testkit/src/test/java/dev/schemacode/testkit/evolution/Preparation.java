package dev.schemacode.testkit.evolution;

import dev.schemacode.model.QualifiedName;
import java.util.List;

/**
 * What a person backfills by hand before a change that existing rows would otherwise fail, in the
 * names the database has before the version. Applied as a migration of its own ahead of the
 * generated ones, as in the README's workflow.
 */
sealed interface Preparation {
  /** {@code SET NOT NULL}, a key or an identity on a column that may hold NULLs: give them values. */
  record FillNulls(QualifiedName table, String column) implements Preparation {}

  /** A unique constraint or index on columns whose rows may repeat values (a default fills them alike). */
  record MakeDistinct(QualifiedName table, List<String> columns) implements Preparation {}

  /** An enum value about to be removed: rows holding it get another one (and hand-written indexes naming it go). */
  record ReplaceLabel(String type, String label, String replacement) implements Preparation {}

  /**
   * An index the annotations cannot declare, made by a hand-written migration: over an expression of
   * the column (and the row key first, when {@code withKey}). Its name starts with
   * {@link HandWrittenIndexes#PREFIX}.
   */
  record ExpressionIndex(QualifiedName table, String column, String expression, boolean withKey) implements Preparation {}
}
