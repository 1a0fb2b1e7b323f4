package dev.schemacode.testkit.evolution;

import dev.schemacode.model.Column;
import java.util.List;
import java.util.Optional;

/**
 * One change a person makes to their entities, such as "add column b.c2 integer NULL". Edits name
 * concrete tables and columns and are generated without looking at the schema; one that does not fit
 * the schema it meets (the table is not there, the column already is) changes nothing. So a shrunk
 * failing sequence still reads as what it does, and replays as a regression test.
 */
interface Edit {
  /** Applies the edit to the draft; false (and the draft unchanged) when it does not fit. */
  boolean applyTo(Draft draft);

  /** A column as an edit declares it; {@code defaultPick} indexes {@link Types#defaults}, -1 for none. */
  record ColumnSpec(String name, String type, boolean nullable, int defaultPick) {
    Column column(List<String> labels) {
      return new Column(name, type, nullable, false, defaultExpression(labels), Optional.empty());
    }

    Optional<String> defaultExpression(List<String> labels) {
      if (defaultPick < 0) {
        return Optional.empty();
      }
      List<String> choices = Types.defaults(type, labels);
      return Optional.of(choices.get(defaultPick % choices.size()));
    }

    @Override
    public String toString() {
      return Types.quote(name) + " " + type + (nullable ? " NULL" : " NOT NULL")
          + defaultExpression(Types.enumOf(type).map(Types.INITIAL_LABELS::get).orElse(List.of()))
              .map(d -> " DEFAULT " + d).orElse("");
    }
  }
}
