package dev.schemacode.testkit.evolution;

import dev.schemacode.model.Column;
import dev.schemacode.model.ConstraintNames;
import dev.schemacode.model.PrimaryKey;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Edits of whole tables. Every table's first column is its row key, which the data checks follow. */
final class TableEdits {
  private TableEdits() {}

  /**
   * A new table: a first column ({@code id}, an integer, maybe identity), more columns, and a primary
   * key on the first column, or on it and the column {@code keyWith} names (a composite key).
   */
  record CreateTable(QualifiedName name, String idType, boolean identity, List<Edit.ColumnSpec> columns,
      Optional<String> keyWith) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      if (draft.table(name).isPresent() || draft.wasDropped(name)) {
        return false;
      }
      List<Column> list = new ArrayList<>();
      list.add(new Column("id", idType, false, identity, Optional.empty(), Optional.empty()));
      for (Edit.ColumnSpec spec : columns) {
        boolean key = keyWith.filter(spec.name()::equals).isPresent();
        Edit.ColumnSpec declared = key ? new Edit.ColumnSpec(spec.name(), spec.type(), false, spec.defaultPick()) : spec;
        list.add(declared.column(draft.labels(Types.enumOf(spec.type()).orElse(Types.MOOD))));
      }
      List<String> key = new ArrayList<>(List.of("id"));
      keyWith.filter(c -> columns.stream().anyMatch(s -> s.name().equals(c) && Types.distinctValues(s.type())))
          .ifPresent(key::add);
      if (keyWith.isPresent() && key.size() == 1) {
        return false;
      }
      draft.put(new Table(name, list, Optional.of(new PrimaryKey(ConstraintNames.primaryKey(name.name()), key))));
      return true;
    }

    @Override
    public String toString() {
      return "create table " + name + " (\"id\" " + idType + (identity ? " identity" : "")
          + columns.stream().map(c -> ", " + c).collect(Collectors.joining()) + ") primary key (id"
          + keyWith.map(c -> ", " + c).orElse("") + ")";
    }
  }

  /** Drops a table; foreign keys of other tables that point at it go too (their columns stay). */
  record DropTable(QualifiedName name) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      if (draft.table(name).isEmpty()) {
        return false;
      }
      List<Table> tables = new ArrayList<>();
      for (Table table : draft.schema().tables()) {
        if (!table.name().equals(name)) {
          TableEditor t = new TableEditor(table);
          t.foreignKeys.removeIf(k -> k.target().equals(name));
          tables.add(t.build());
        }
      }
      draft.set(tables);
      draft.tableDropped(name);
      return true;
    }

    @Override
    public String toString() {
      return "drop table " + name;
    }
  }

  /** {@code @RenamedFrom} on the class; the table may move to another schema. */
  record RenameTable(QualifiedName from, QualifiedName to) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      if (draft.table(from).isEmpty() || draft.table(to).isPresent() || from.equals(to)) {
        return false;
      }
      draft.set(Renaming.renameTable(draft.schema().tables(), from, to));
      draft.tableRenamed(from, to);
      return true;
    }

    @Override
    public String toString() {
      return "rename table " + from + " to " + to;
    }
  }

  /**
   * {@code @Table(schema = …)} changed with {@code @RenamedFrom} naming the table where it was: the
   * table moves between the default schema and {@code s2} under its own name ({@code ALTER TABLE …
   * SET SCHEMA}), with its rows, keys, indexes and identity.
   */
  record MoveTable(QualifiedName from) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      QualifiedName to = from.inDefaultSchema() ? new QualifiedName("s2", from.name()) : QualifiedName.of(from.name());
      return new RenameTable(from, to).applyTo(draft);
    }

    @Override
    public String toString() {
      return "move table " + from + " to " + (from.inDefaultSchema() ? "schema s2" : "the default schema");
    }
  }

  /** A table comment set, changed or removed. */
  record CommentTable(QualifiedName name, Optional<String> text) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> table = draft.table(name);
      if (table.isEmpty() || table.get().comment().equals(text)) {
        return false;
      }
      TableEditor t = new TableEditor(table.get());
      t.comment = text;
      draft.put(t.build());
      return true;
    }

    @Override
    public String toString() {
      return text.map(c -> "comment on table " + name + " '" + c + "'").orElse("remove the comment on table " + name);
    }
  }
}
