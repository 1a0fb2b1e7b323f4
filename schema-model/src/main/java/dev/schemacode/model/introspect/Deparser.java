package dev.schemacode.model.introspect;

import dev.schemacode.model.QualifiedName;
import java.util.Optional;

/**
 * How PostgreSQL itself prints a declared expression, for the comparisons text normalization
 * cannot settle: the catalog rewrites {@code x IN ('a', 'b')} to {@code x = ANY (ARRAY[…])},
 * {@code BETWEEN} to two comparisons, and {@code '1990-01-01'} compared with a timestamp to
 * {@code '1990-01-01 00:00:00+00'::timestamp with time zone}. Empty when it cannot tell (the
 * expression does not fit the live table, so it differs anyway).
 */
public interface Deparser {
  /** Tells nothing: comparisons rely on text normalization alone. */
  Deparser NONE = new Deparser() {
    @Override
    public Optional<String> check(QualifiedName table, String expression) {
      return Optional.empty();
    }

    @Override
    public Optional<String> columnDefault(QualifiedName table, String column, String expression) {
      return Optional.empty();
    }

    @Override
    public Optional<String> indexPredicate(QualifiedName table, String expression) {
      return Optional.empty();
    }
  };

  /** A check on the table as {@code pg_get_constraintdef} prints it, without {@code CHECK (…)}. */
  Optional<String> check(QualifiedName table, String expression);

  /** A default of the table's column as {@code pg_get_expr} prints it. */
  Optional<String> columnDefault(QualifiedName table, String column, String expression);

  /** A partial index predicate on the table as {@code pg_get_expr} prints it. */
  Optional<String> indexPredicate(QualifiedName table, String expression);
}
