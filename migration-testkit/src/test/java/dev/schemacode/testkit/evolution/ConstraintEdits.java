package dev.schemacode.testkit.evolution;

import dev.schemacode.model.CheckConstraint;
import dev.schemacode.model.Column;
import dev.schemacode.model.ConstraintNames;
import dev.schemacode.model.ForeignKey;
import dev.schemacode.model.Index;
import dev.schemacode.model.PrimaryKey;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Table;
import dev.schemacode.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keys, unique constraints, indexes, foreign keys and checks. Names are PostgreSQL's defaults. */
final class ConstraintEdits {
  private ConstraintEdits() {}

  record AddUnique(QualifiedName table, List<String> columns) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      if (current.isEmpty() || !columns.stream().allMatch(c -> mayBeUnique(draft, current.get(), c))) {
        return false;
      }
      TableEditor t = new TableEditor(current.get());
      t.uniques.add(new UniqueConstraint(ConstraintNames.unique(table.name(), columns), columns));
      draft.put(t.build());
      makeDistinct(draft, table, columns);
      return true;
    }

    @Override
    public String toString() {
      return "add unique constraint on " + table + " " + columns;
    }
  }

  record DropUnique(QualifiedName table, int pick) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      if (current.isEmpty() || current.get().uniques().isEmpty()) {
        return false;
      }
      TableEditor t = new TableEditor(current.get());
      t.uniques.remove(pick % t.uniques.size());
      draft.put(t.build());
      return true;
    }

    @Override
    public String toString() {
      return "drop a unique constraint of " + table + " (choice " + pick + ")";
    }
  }

  /** An index: unique ones are btree; {@code methodPick} chooses among the methods the types allow. */
  record AddIndex(QualifiedName table, List<String> columns, boolean unique, int methodPick, boolean partial)
      implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      if (current.isEmpty() || !columns.stream().allMatch(c -> current.get().column(c).isPresent())
          || (unique && !columns.stream().allMatch(c -> mayBeUnique(draft, current.get(), c)))) {
        return false;
      }
      List<String> methods = new ArrayList<>(Types.methods(current.get().column(columns.get(0)).orElseThrow().type()));
      for (String column : columns) {
        methods.retainAll(Types.methods(current.get().column(column).orElseThrow().type()));
      }
      if (columns.size() > 1) {
        methods.remove("hash");
      }
      String method = unique ? Index.DEFAULT_METHOD : methods.get(methodPick % methods.size());
      Column first = current.get().column(columns.get(0)).orElseThrow();
      Optional<String> where = Optional.empty();
      if (partial && Types.isEnum(first.type()) && !Types.isArray(first.type())) {
        List<String> labels = draft.labels(first.type());
        where = Optional.of(Types.enumPredicate(first.name(), labels.get(methodPick % labels.size())));
      } else if (partial) {
        where = Optional.of(Types.predicate(first.type(), first.name()));
      }
      TableEditor t = new TableEditor(current.get());
      t.indexes.add(new Index(ConstraintNames.index(table.name(), columns), columns, unique, method, where));
      draft.put(t.build());
      if (unique) {
        makeDistinct(draft, table, columns);
      }
      return true;
    }

    @Override
    public String toString() {
      return "add " + (unique ? "unique " : "") + (partial ? "partial " : "") + "index on " + table + " " + columns
          + (unique ? "" : " (method choice " + methodPick + ")");
    }
  }

  record DropIndex(QualifiedName table, int pick) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      if (current.isEmpty() || current.get().indexes().isEmpty()) {
        return false;
      }
      TableEditor t = new TableEditor(current.get());
      t.indexes.remove(pick % t.indexes.size());
      draft.put(t.build());
      return true;
    }

    @Override
    public String toString() {
      return "drop an index of " + table + " (choice " + pick + ")";
    }
  }

  /** {@code @Index(name = …)}: an index gets a name of its own, {@code <table>_<suffix>}. */
  record RenameIndex(QualifiedName table, int pick, String suffix) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      if (current.isEmpty() || current.get().indexes().isEmpty()) {
        return false;
      }
      TableEditor t = new TableEditor(current.get());
      Index index = t.indexes.get(pick % t.indexes.size());
      String name = table.name() + "_" + suffix;
      if (index.name().equals(name)) {
        return false;
      }
      t.indexes.set(pick % t.indexes.size(), new Index(name, index.columns(), index.unique(), index.method(), index.where()));
      draft.put(t.build());
      return true;
    }

    @Override
    public String toString() {
      return "name an index of " + table + " (choice " + pick + ") " + table.name() + "_" + suffix;
    }
  }

  /**
   * A foreign key to the target's primary key, through new nullable columns named
   * {@code <target>_<key column>} of the key's types (an optional relation, as most are).
   */
  record AddForeignKey(QualifiedName table, QualifiedName target, ForeignKey.Action onDelete, ForeignKey.Action onUpdate)
      implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      Optional<Table> referenced = draft.table(target);
      if (current.isEmpty() || referenced.isEmpty() || referenced.get().primaryKey().isEmpty()) {
        return false;
      }
      List<String> targetColumns = referenced.get().primaryKey().get().columns();
      List<String> columns = targetColumns.stream().map(c -> target.name() + "_" + c).toList();
      if (columns.stream().anyMatch(c -> current.get().column(c).isPresent() || draft.wasDropped(table, c))) {
        return false;
      }
      TableEditor t = new TableEditor(current.get());
      for (int i = 0; i < columns.size(); i++) {
        String type = referenced.get().column(targetColumns.get(i)).orElseThrow().type();
        t.columns.add(Draft.column(columns.get(i), type, true, false, Optional.empty(), Optional.empty()));
      }
      t.foreignKeys.add(new ForeignKey(ConstraintNames.foreignKey(table.name(), columns), columns, target, targetColumns,
          onDelete, onUpdate));
      draft.put(t.build());
      return true;
    }

    @Override
    public String toString() {
      return "add foreign key " + table + " -> " + target + " on delete " + onDelete.sql() + " on update " + onUpdate.sql();
    }
  }

  record DropForeignKey(QualifiedName table, int pick) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      if (current.isEmpty() || current.get().foreignKeys().isEmpty()) {
        return false;
      }
      TableEditor t = new TableEditor(current.get());
      t.foreignKeys.remove(pick % t.foreignKeys.size());
      draft.put(t.build());
      return true;
    }

    @Override
    public String toString() {
      return "drop a foreign key of " + table + " (choice " + pick + ")";
    }
  }

  record ChangeForeignKeyActions(QualifiedName table, int pick, ForeignKey.Action onDelete, ForeignKey.Action onUpdate)
      implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      if (current.isEmpty() || current.get().foreignKeys().isEmpty()) {
        return false;
      }
      TableEditor t = new TableEditor(current.get());
      ForeignKey key = t.foreignKeys.get(pick % t.foreignKeys.size());
      if (key.onDelete() == onDelete && key.onUpdate() == onUpdate) {
        return false;
      }
      t.foreignKeys.set(pick % t.foreignKeys.size(),
          new ForeignKey(key.name(), key.columns(), key.target(), key.targetColumns(), onDelete, onUpdate));
      draft.put(t.build());
      return true;
    }

    @Override
    public String toString() {
      return "change a foreign key of " + table + " (choice " + pick + ") to on delete " + onDelete.sql()
          + " on update " + onUpdate.sql();
    }
  }

  /** A check that every row satisfies: on one column (in one of two forms, see {@link Types#check}), or over two. */
  record AddCheck(QualifiedName table, String column, Optional<String> second, int form) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      Optional<Column> col = current.flatMap(t -> t.column(column));
      if (col.isEmpty() || second.filter(s -> s.equals(column) || current.get().column(s).isEmpty()).isPresent()) {
        return false;
      }
      String type = col.get().type();
      boolean listsValues = form % 2 == 1 && Types.isEnum(type) && !Types.isArray(type);
      String expression = second.map(s -> Types.checkOfTwo(column, s)).orElse(listsValues
          ? Types.enumCheck(column, draft.labels(type)) : Types.check(type, column, form));
      String name = second.isPresent() ? ConstraintNames.tableCheck(table.name(), expression)
          : ConstraintNames.columnCheck(table.name(), column);
      TableEditor t = new TableEditor(current.get());
      t.checks.add(new CheckConstraint(name, expression));
      draft.put(t.build());
      return true;
    }

    @Override
    public String toString() {
      return "add check on " + table + "." + column + second.map(s -> " and " + s).orElse(" (form " + form + ")");
    }
  }

  /**
   * A hand-written migration (before the version's generated ones, so in the names the database has
   * then) adds an index over an expression of the column, which annotations cannot declare: {@code
   * lower(c)} on text, {@code c <> 'value'} on an enum (a constant of the type, which an enum rebuild
   * must carry over), {@code c IS NULL} otherwise; after the row key when {@code withKey}.
   */
  record AddExpressionIndexByHand(QualifiedName table, String column, boolean withKey) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<QualifiedName> origin = draft.origin(table);
      Optional<String> originColumn = draft.origin(table, column);
      if (origin.isEmpty() || originColumn.isEmpty()) {
        return false;
      }
      Table start = draft.start().table(origin.get()).orElseThrow();
      if (withKey && start.column("id").isEmpty()) {
        return false;
      }
      Column col = start.column(originColumn.get()).orElseThrow();
      String c = Types.quote(col.name());
      String expression;
      if (Types.isEnum(col.type()) && !Types.isArray(col.type())) {
        List<String> labels = draft.start().enumType(Enums.name(Types.enumOf(col.type()).orElseThrow())).orElseThrow().labels();
        expression = c + " <> '" + labels.get(labels.size() - 1) + "'";
      } else if (Types.isText(col.type())) {
        expression = "lower(" + c + ")";
      } else {
        expression = c + " IS NULL";
      }
      draft.prepare(new Preparation.ExpressionIndex(origin.get(), col.name(), expression, withKey));
      return true;
    }

    @Override
    public String toString() {
      return "add a hand-written expression index on " + table + "." + column + (withKey ? " after the row key" : "");
    }
  }

  record DropCheck(QualifiedName table, int pick) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      if (current.isEmpty() || current.get().checks().isEmpty()) {
        return false;
      }
      TableEditor t = new TableEditor(current.get());
      t.checks.remove(pick % t.checks.size());
      draft.put(t.build());
      return true;
    }

    @Override
    public String toString() {
      return "drop a check of " + table + " (choice " + pick + ")";
    }
  }

  /**
   * The primary key becomes the row key alone, the row key and {@code with} (composite), or none.
   * Foreign keys that pointed at the old key go (a person must change their {@code @References}).
   */
  record ChangePrimaryKey(QualifiedName table, boolean keep, Optional<String> with) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<Table> current = draft.table(table);
      if (current.isEmpty()) {
        return false;
      }
      Table t = current.get();
      Optional<PrimaryKey> key = Optional.empty();
      if (keep) {
        List<String> columns = new ArrayList<>(List.of(t.columns().get(0).name()));
        if (with.isPresent()) {
          Optional<Column> col = t.column(with.get());
          if (col.isEmpty() || columns.contains(with.get()) || !Types.distinctValues(col.get().type())
              || draft.isForeignKeyColumn(t, with.get())) {
            return false;
          }
          columns.add(with.get());
        }
        key = Optional.of(new PrimaryKey(ConstraintNames.primaryKey(table.name()), columns));
      }
      if (key.equals(t.primaryKey())) {
        return false;
      }
      List<Table> tables = new ArrayList<>();
      for (Table other : draft.schema().tables()) {
        TableEditor editor = new TableEditor(other);
        editor.foreignKeys.removeIf(k -> k.target().equals(table));
        if (other.name().equals(table)) {
          editor.primaryKey = key;
          key.ifPresent(k -> k.columns().forEach(c -> editor.replaceColumn(c, col ->
              Draft.column(col.name(), col.type(), false, col.identity(), col.defaultExpression(), col.comment()))));
        }
        tables.add(editor.build());
      }
      boolean nullable = with.flatMap(t::column).map(Column::nullable).orElse(false);
      draft.set(tables);
      if (nullable) {
        ColumnEdits.fillNulls(draft, table, with.get());
      }
      return true;
    }

    @Override
    public String toString() {
      return keep ? "primary key of " + table + " on its row key" + with.map(c -> " and " + c).orElse("")
          : "drop the primary key of " + table;
    }
  }

  /**
   * Whether rows can be made unique on the column: a type whose values are distinct, not tied by a
   * foreign key, and either data the runner can rewrite, an empty table, or a new column without a
   * default (NULLs, which unique constraints allow).
   */
  static boolean mayBeUnique(Draft draft, Table table, String column) {
    Optional<Column> col = table.column(column);
    if (col.isEmpty() || !Types.distinctValues(col.get().type()) || draft.isForeignKeyColumn(table, column)) {
      return false;
    }
    return draft.origin(table.name()).isEmpty() || draft.holdsData(table.name(), column) || col.get().identity()
        || col.get().defaultExpression().isEmpty();
  }

  static void makeDistinct(Draft draft, QualifiedName table, List<String> columns) {
    Optional<QualifiedName> origin = draft.origin(table);
    if (origin.isEmpty()) {
      return;
    }
    List<String> held = columns.stream().flatMap(c -> draft.origin(table, c).stream()).toList();
    if (!held.isEmpty()) {
      draft.prepare(new Preparation.MakeDistinct(origin.get(), held));
    }
  }
}
