package dev.schemacode.testkit.evolution;

import dev.schemacode.model.Column;
import dev.schemacode.model.ForeignKey;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Edits of one column (or, for widenings, of every column a foreign key ties to it). */
final class ColumnEdits {
  private ColumnEdits() {}

  record AddColumn(QualifiedName table, Edit.ColumnSpec spec) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      if (current.isEmpty() || current.get().column(spec.name()).isPresent() || draft.wasDropped(table, spec.name())) {
        return false;
      }
      TableEditor t = new TableEditor(current.get());
      t.columns.add(spec.column(draft.labels(Types.enumOf(spec.type()).orElse(Types.MOOD))));
      draft.put(t.build());
      return true;
    }

    @Override
    public String toString() {
      return "add column " + table + "." + spec;
    }
  }

  /** Drops a column with the constraints and indexes on it; not the row key, not a key column. */
  record DropColumn(QualifiedName table, String column) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      if (current.isEmpty() || current.get().column(column).isEmpty() || isRowKey(current.get(), column)
          || current.get().primaryKey().filter(k -> k.columns().contains(column)).isPresent()) {
        return false;
      }
      TableEditor t = new TableEditor(current.get());
      t.dropColumn(column);
      draft.put(t.build());
      draft.columnDropped(table, column);
      return true;
    }

    @Override
    public String toString() {
      return "drop column " + table + "." + column;
    }
  }

  record RenameColumn(QualifiedName table, String from, String to) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      if (current.isEmpty() || current.get().column(from).isEmpty() || current.get().column(to).isPresent()) {
        return false;
      }
      if (draft.wasDropped(table, to) && draft.origin(table, from).isEmpty()) {
        // a column added in this version and renamed into a name dropped in it is, for the processor,
        // the old column with a new type (no @RenamedFrom can say otherwise): what AddColumn refuses
        return false;
      }
      draft.set(Renaming.renameColumn(draft.schema().tables(), table, from, to));
      draft.columnRenamed(table, from, to);
      return true;
    }

    @Override
    public String toString() {
      return "rename column " + table + "." + from + " to " + to;
    }
  }

  /**
   * Widens a column's type (one of {@link Types#wider}); the columns foreign keys tie it to are
   * widened with it, as the processor wants referencing and referenced types equal.
   */
  record WidenColumn(QualifiedName table, String column, int pick) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Column> current = draft.table(table).flatMap(t -> t.column(column));
      if (current.isEmpty() || Types.wider(current.get().type()).isEmpty()) {
        return false;
      }
      // identity columns stay integers: the processor refuses @Identity on anything else (IdentityType)
      List<String> choices = Types.wider(current.get().type()).stream()
          .filter(t -> !current.get().identity() || Types.isInteger(t)).toList();
      if (choices.isEmpty()) {
        return false;
      }
      String type = choices.get(pick % choices.size());
      List<Table> tables = draft.schema().tables();
      Set<ColumnRef> tied = tied(tables, new ColumnRef(table, column));
      for (ColumnRef ref : tied) {
        if (!draft.table(ref.table()).flatMap(t -> t.column(ref.column())).map(Column::type)
            .filter(current.get().type()::equals).isPresent()) {
          return false; // tied columns of different types: widening one would narrow another
        }
      }
      for (ColumnRef ref : tied) {
        List<Table> next = new ArrayList<>();
        for (Table t : tables) {
          TableEditor editor = new TableEditor(t);
          if (t.name().equals(ref.table())) {
            editor.replaceColumn(ref.column(), c -> Draft.column(c.name(), type, c.nullable(), c.identity(),
                c.defaultExpression(), c.comment()));
          }
          next.add(editor.build());
        }
        tables = next;
      }
      draft.set(tables);
      return true;
    }

    /** The column and every column a chain of foreign keys ties it to. */
    private static Set<ColumnRef> tied(List<Table> tables, ColumnRef start) {
      Set<ColumnRef> found = new LinkedHashSet<>(List.of(start));
      boolean grew = true;
      while (grew) {
        grew = false;
        for (Table t : tables) {
          for (ForeignKey key : t.foreignKeys()) {
            for (int i = 0; i < key.columns().size(); i++) {
              ColumnRef source = new ColumnRef(t.name(), key.columns().get(i));
              ColumnRef target = new ColumnRef(key.target(), key.targetColumns().get(i));
              if (found.contains(source) != found.contains(target)) {
                found.add(source);
                found.add(target);
                grew = true;
              }
            }
          }
        }
      }
      return found;
    }

    @Override
    public String toString() {
      return "widen column " + table + "." + column + " (choice " + pick + ")";
    }
  }

  /**
   * {@code @Nullable} added or removed. Making a column NOT NULL that holds data needs its NULLs
   * backfilled first; key columns stay NOT NULL, foreign key columns stay nullable.
   */
  record SetNullable(QualifiedName table, String column, boolean nullable) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      Optional<Column> col = current.flatMap(t -> t.column(column));
      if (col.isEmpty() || col.get().nullable() == nullable || col.get().identity() || isRowKey(current.get(), column)
          || current.get().primaryKey().filter(k -> k.columns().contains(column)).isPresent()
          || draft.isForeignKeyColumn(current.get(), column)) {
        return false;
      }
      TableEditor t = new TableEditor(current.get());
      t.replaceColumn(column, c -> Draft.column(c.name(), c.type(), nullable, false, c.defaultExpression(), c.comment()));
      draft.put(t.build());
      if (!nullable) {
        fillNulls(draft, table, column);
      }
      return true;
    }

    @Override
    public String toString() {
      return (nullable ? "make " : "require ") + table + "." + column + (nullable ? " nullable" : " (NOT NULL)");
    }
  }

  /**
   * {@code @Default} set, changed or removed. A column this version adds gets its default with it:
   * setting one later in the same version would fill existing rows alike, which a unique constraint
   * declared in between must not meet.
   */
  record SetDefault(QualifiedName table, String column, int pick) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      Optional<Column> col = current.flatMap(t -> t.column(column));
      if (col.isEmpty() || col.get().identity() || (draft.origin(table).isPresent() && !draft.holdsData(table, column))) {
        return false;
      }
      Optional<String> expression = new Edit.ColumnSpec(column, col.get().type(), true, pick)
          .defaultExpression(draft.labels(Types.enumOf(col.get().type()).orElse(Types.MOOD)));
      if (expression.equals(col.get().defaultExpression())) {
        return false;
      }
      TableEditor t = new TableEditor(current.get());
      t.replaceColumn(column, c -> Draft.column(c.name(), c.type(), c.nullable(), false, expression, c.comment()));
      draft.put(t.build());
      return true;
    }

    @Override
    public String toString() {
      return pick < 0 ? "drop the default of " + table + "." + column : "set a default on " + table + "." + column
          + " (choice " + pick + ")";
    }
  }

  /** {@code @Identity} added (on an integer column; it becomes NOT NULL, loses its default) or removed. */
  record SetIdentity(QualifiedName table, String column, boolean identity) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      Optional<Column> col = current.flatMap(t -> t.column(column));
      if (col.isEmpty() || col.get().identity() == identity || !Types.isInteger(col.get().type())
          || draft.isForeignKeyColumn(current.get(), column)) {
        return false;
      }
      boolean wasNullable = col.get().nullable();
      TableEditor t = new TableEditor(current.get());
      t.replaceColumn(column, c -> Draft.column(c.name(), c.type(), false, identity,
          identity ? Optional.empty() : c.defaultExpression(), c.comment()));
      draft.put(t.build());
      if (identity && wasNullable) {
        fillNulls(draft, table, column);
      }
      return true;
    }

    @Override
    public String toString() {
      return (identity ? "make " : "stop generating ") + table + "." + column + (identity ? " an identity column" : " as identity");
    }
  }

  record CommentColumn(QualifiedName table, String column, Optional<String> text) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      Optional<Column> col = current.flatMap(t -> t.column(column));
      if (col.isEmpty() || col.get().comment().equals(text)) {
        return false;
      }
      TableEditor t = new TableEditor(current.get());
      t.replaceColumn(column, c -> Draft.column(c.name(), c.type(), c.nullable(), c.identity(), c.defaultExpression(), text));
      draft.put(t.build());
      return true;
    }

    @Override
    public String toString() {
      return text.map(c -> "comment on column " + table + "." + column + " '" + c + "'")
          .orElse("remove the comment on column " + table + "." + column);
    }
  }

  static boolean isRowKey(Table table, String column) {
    return table.columns().get(0).name().equals(column);
  }

  /** Rows that hold NULL in the column get values before the version, if the column held data. */
  static void fillNulls(Draft draft, QualifiedName table, String column) {
    draft.origin(table, column).ifPresent(origin ->
        draft.prepare(new Preparation.FillNulls(draft.origin(table).orElseThrow(), origin)));
  }

  record ColumnRef(QualifiedName table, String column) {}
}
