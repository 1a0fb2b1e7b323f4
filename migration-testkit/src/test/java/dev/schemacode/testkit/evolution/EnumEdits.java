package dev.schemacode.testkit.evolution;

import dev.schemacode.model.CheckConstraint;
import dev.schemacode.model.Column;
import dev.schemacode.model.EnumType;
import dev.schemacode.model.Index;
import dev.schemacode.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Constants of a Java enum added, renamed ({@code @RenamedFrom}), removed or reordered. */
final class EnumEdits {
  private EnumEdits() {}

  /** A check's list of values after the edit: as written, renamed, without the removed value, new ones at the end. */
  private static List<String> relisted(List<String> listed, List<String> labels, Optional<String[]> renamed,
      Optional<String> removed) {
    List<String> result = new ArrayList<>();
    for (String label : listed) {
      String now = renamed.filter(r -> r[0].equals(label)).map(r -> r[1]).orElse(label);
      if (removed.filter(now::equals).isEmpty()) {
        result.add(now);
      }
    }
    labels.stream().filter(l -> !result.contains(l)).forEach(result::add);
    return result;
  }

  /**
   * Checks and partial-index predicates that name the type's values, kept in step as a person keeps
   * them: a check listing the values ({@link Types#enumCheck}) keeps its order and lists the new ones
   * at its end (so reordering the type leaves it unchanged), a predicate's value ({@link Types#enumPredicate}) follows a rename, and an index whose
   * predicate names a removed value goes (it would no longer parse). What stays unchanged is what an
   * enum rebuild must drop and make again around the conversion.
   */
  static void keepExpressionsInStep(Draft draft, String type, List<String> before, List<String> after,
      Optional<String[]> renamed, Optional<String> removed) {
    for (Table table : draft.schema().tables()) {
      TableEditor t = new TableEditor(table);
      for (Column column : table.columns()) {
        if (!column.type().equals(type)) {
          continue; // only columns of the type itself, not arrays of it
        }
        t.checks.replaceAll(k -> Types.enumCheckLabels(column.name(), k.expression())
            .map(listed -> new CheckConstraint(k.name(), Types.enumCheck(column.name(), relisted(listed, after, renamed, removed))))
            .orElse(k));
        renamed.ifPresent(r -> {
          Optional<String> from = Optional.of(Types.enumPredicate(column.name(), r[0]));
          t.indexes.replaceAll(i -> i.where().equals(from)
              ? new Index(i.name(), i.columns(), i.unique(), i.method(), Optional.of(Types.enumPredicate(column.name(), r[1]))) : i);
        });
        removed.ifPresent(r -> t.indexes.removeIf(i -> i.where().equals(Optional.of(Types.enumPredicate(column.name(), r)))));
      }
      draft.put(t.build());
    }
  }

  record AddValue(String type, String label, int position) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<EnumType> current = draft.schema().enumType(Enums.name(type));
      if (current.isEmpty() || current.get().labels().contains(label)) {
        return false;
      }
      List<String> labels = new ArrayList<>(current.get().labels());
      labels.add(position % (labels.size() + 1), label);
      draft.setEnum(new EnumType(current.get().name(), labels));
      keepExpressionsInStep(draft, type, current.get().labels(), labels, Optional.empty(), Optional.empty());
      return true;
    }

    @Override
    public String toString() {
      return "add value " + label + " to enum " + type + " at position " + position;
    }
  }

  /** Defaults that name the value are rewritten, as a person must rewrite {@code @Default("'OLD'")}. */
  record RenameValue(String type, int pick, String to) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<EnumType> current = draft.schema().enumType(Enums.name(type));
      if (current.isEmpty() || current.get().labels().contains(to)) {
        return false;
      }
      List<String> labels = new ArrayList<>(current.get().labels());
      String from = labels.get(pick % labels.size());
      labels.set(pick % labels.size(), to);
      draft.setEnum(new EnumType(current.get().name(), labels));
      replaceDefaults(draft, from, to);
      draft.labelRenamed(type, from, to);
      keepExpressionsInStep(draft, type, current.get().labels(), labels, Optional.of(new String[] {from, to}), Optional.empty());
      return true;
    }

    private void replaceDefaults(Draft draft, String from, String to) {
      for (Table table : draft.schema().tables()) {
        TableEditor t = new TableEditor(table);
        t.columns.replaceAll(c -> Enums.uses(c, type) && c.defaultExpression().filter(("'" + from + "'")::equals).isPresent()
            ? Draft.column(c.name(), c.type(), c.nullable(), c.identity(), Optional.of("'" + to + "'"), c.comment()) : c);
        draft.put(t.build());
      }
    }

    @Override
    public String toString() {
      return "rename value (choice " + pick + ") of enum " + type + " to " + to;
    }
  }

  /**
   * Removes a value: rows holding it get another value first (by hand, before the version), and a
   * default naming it names that one instead.
   */
  record RemoveValue(String type, int pick) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<EnumType> current = draft.schema().enumType(Enums.name(type));
      if (current.isEmpty() || current.get().labels().size() < 2) {
        return false;
      }
      List<String> labels = new ArrayList<>(current.get().labels());
      String removed = labels.remove(pick % labels.size());
      Optional<String> replacement = labels.stream().filter(l -> draft.labelOrigin(type, l).isPresent()).findFirst();
      Optional<String> removedOrigin = draft.labelOrigin(type, removed);
      if (removedOrigin.isPresent() && replacement.isEmpty()) {
        return false;
      }
      draft.setEnum(new EnumType(current.get().name(), labels));
      String substitute = replacement.orElse(labels.get(0));
      for (Table table : draft.schema().tables()) {
        TableEditor t = new TableEditor(table);
        t.columns.replaceAll(c -> Enums.uses(c, type) && c.defaultExpression().filter(("'" + removed + "'")::equals).isPresent()
            ? Draft.column(c.name(), c.type(), c.nullable(), c.identity(), Optional.of("'" + substitute + "'"), c.comment())
            : c);
        draft.put(t.build());
      }
      removedOrigin.ifPresent(origin -> draft.prepare(new Preparation.ReplaceLabel(type, origin,
          draft.labelOrigin(type, replacement.orElseThrow()).orElseThrow())));
      keepExpressionsInStep(draft, type, current.get().labels(), labels, Optional.empty(), Optional.of(removed));
      return true;
    }

    @Override
    public String toString() {
      return "remove value (choice " + pick + ") of enum " + type;
    }
  }

  /** Two neighbouring values swap places; PostgreSQL cannot reorder in place, so the type is rebuilt. */
  record SwapValues(String type, int pick) implements Edit {
    @Override
    public boolean applyTo(Draft draft) {
      Optional<EnumType> current = draft.schema().enumType(Enums.name(type));
      if (current.isEmpty() || current.get().labels().size() < 2) {
        return false;
      }
      List<String> labels = new ArrayList<>(current.get().labels());
      int i = pick % (labels.size() - 1);
      labels.add(i + 1, labels.remove(i));
      draft.setEnum(new EnumType(current.get().name(), labels));
      keepExpressionsInStep(draft, type, current.get().labels(), labels, Optional.empty(), Optional.empty());
      return true;
    }

    @Override
    public String toString() {
      return "swap values (choice " + pick + ") of enum " + type;
    }
  }
}
