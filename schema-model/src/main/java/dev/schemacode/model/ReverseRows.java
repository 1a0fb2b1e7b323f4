package dev.schemacode.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the rows a reverse meets allow it to do. A reverse brings back a dropped table empty and a
 * dropped column empty or holding its default in every row, while the other tables keep their rows.
 * Two safe forms of the forward direction then fail after an earlier file has committed, which would
 * leave the database between two versions:
 *
 * <ul>
 *   <li>validating a foreign key whose rows reference the lost data (a table or columns that come
 *       back, or its own columns filled with their default): the key is left {@code NOT VALID};
 *   <li>building {@code CONCURRENTLY}, after the main file, a unique index or key over a column that
 *       comes back holding its default (every row the same value): it is built in the main file
 *       instead, in its transaction, so that duplicates fail the reverse changing nothing. A
 *       development database does not need the concurrent form.
 * </ul>
 *
 * Each is named in the reverse's header as an inexact reason.
 */
final class ReverseRows {
  /** The reverse's changes, reshaped, with why and which keys stay {@code NOT VALID}. */
  record Adjusted(List<SchemaChange> changes, List<String> reasons, List<ReverseScript.Unvalidated> unvalidated) {}

  private final Set<QualifiedName> created = new HashSet<>();
  private final Map<QualifiedName, Set<String>> added = new HashMap<>();
  private final Map<QualifiedName, Set<String>> filled = new HashMap<>();

  private ReverseRows(List<SchemaChange> reverse) {
    for (SchemaChange change : reverse) {
      if (change instanceof SchemaChange.CreateTable create) {
        created.add(create.table().name());
      } else if (change instanceof SchemaChange.AddColumn add) {
        added.computeIfAbsent(add.table(), t -> new HashSet<>()).add(add.column().name());
        if (add.column().defaultExpression().isPresent() && !add.column().identity()) {
          filled.computeIfAbsent(add.table(), t -> new HashSet<>()).add(add.column().name());
        }
      }
    }
  }

  static Adjusted adjust(List<SchemaChange> reverse) {
    return new ReverseRows(reverse).reshape(reverse);
  }

  private Adjusted reshape(List<SchemaChange> reverse) {
    List<String> reasons = new ArrayList<>();
    List<ReverseScript.Unvalidated> unvalidated = new ArrayList<>();
    Map<QualifiedName, List<SchemaChange>> builtInMain = new HashMap<>();
    Set<String> indexesOfMovedKeys = new HashSet<>();
    for (SchemaChange change : reverse) {
      if (change instanceof SchemaChange.AddForeignKey add && add.notValid() && checksLostRows(add)) {
        unvalidated.add(new ReverseScript.Unvalidated(add.table(), add.foreignKey().name()));
        reasons.add("foreign key " + add.foreignKey().name() + " on " + add.table() + " stays NOT VALID: rows it"
            + " would check reference data that does not come back (VALIDATE CONSTRAINT it once they are consistent)");
      } else if (change instanceof SchemaChange.AddUnique add && add.usingIndex() && onFilled(add.table(), add.unique().columns())) {
        builtInMain.computeIfAbsent(add.table(), t -> new ArrayList<>())
            .add(new SchemaChange.AddUnique(add.table(), add.unique(), false));
        indexesOfMovedKeys.add(add.table() + "." + add.unique().name());
        reasons.add(sameValue(add.table(), add.unique().columns(), "unique constraint " + add.unique().name()));
      } else if (change instanceof SchemaChange.AddPrimaryKey add && add.usingIndex() && onFilled(add.table(), add.key().columns())) {
        builtInMain.computeIfAbsent(add.table(), t -> new ArrayList<>())
            .add(new SchemaChange.AddPrimaryKey(add.table(), add.key(), false));
        indexesOfMovedKeys.add(add.table() + "." + add.key().name());
        reasons.add(sameValue(add.table(), add.key().columns(), "primary key " + add.key().name()));
      }
    }
    for (SchemaChange change : reverse) {
      if (change instanceof SchemaChange.CreateIndex index && index.concurrently() && index.index().unique()
          && !indexesOfMovedKeys.contains(index.table() + "." + index.index().name())
          && onFilled(index.table(), index.index().columns())) {
        builtInMain.computeIfAbsent(index.table(), t -> new ArrayList<>())
            .add(new SchemaChange.CreateIndex(index.table(), index.index(), false));
        reasons.add(sameValue(index.table(), index.index().columns(), "unique index " + index.index().name()));
      }
    }
    List<SchemaChange> changes = new ArrayList<>();
    for (int i = 0; i < reverse.size(); i++) {
      SchemaChange change = reverse.get(i);
      if (isReplaced(change, unvalidated, builtInMain, indexesOfMovedKeys)) {
        continue;
      }
      changes.add(change);
      // the keys built in the main file follow the last column their table gets back
      if (change instanceof SchemaChange.AddColumn add && isLastAddColumn(reverse, i, add.table())) {
        changes.addAll(builtInMain.getOrDefault(add.table(), List.of()));
      }
    }
    return new Adjusted(changes, reasons, unvalidated);
  }

  private boolean isReplaced(SchemaChange change, List<ReverseScript.Unvalidated> unvalidated,
      Map<QualifiedName, List<SchemaChange>> builtInMain, Set<String> indexesOfMovedKeys) {
    if (change instanceof SchemaChange.ValidateConstraint validate) {
      return unvalidated.contains(new ReverseScript.Unvalidated(validate.table(), validate.constraint()));
    }
    if (change instanceof SchemaChange.AddUnique add) {
      return builtInMain.getOrDefault(add.table(), List.of()).contains(new SchemaChange.AddUnique(add.table(), add.unique(), false));
    }
    if (change instanceof SchemaChange.AddPrimaryKey add) {
      return builtInMain.getOrDefault(add.table(), List.of()).contains(new SchemaChange.AddPrimaryKey(add.table(), add.key(), false));
    }
    if (change instanceof SchemaChange.CreateIndex index && index.concurrently()) {
      return indexesOfMovedKeys.contains(index.table() + "." + index.index().name())
          || builtInMain.getOrDefault(index.table(), List.of()).contains(new SchemaChange.CreateIndex(index.table(), index.index(), false));
    }
    return false;
  }

  private static boolean isLastAddColumn(List<SchemaChange> reverse, int at, QualifiedName table) {
    for (int i = at + 1; i < reverse.size(); i++) {
      if (reverse.get(i) instanceof SchemaChange.AddColumn later && later.table().equals(table)) {
        return false;
      }
    }
    return true;
  }

  private boolean checksLostRows(SchemaChange.AddForeignKey add) {
    ForeignKey key = add.foreignKey();
    return created.contains(key.target())
        || key.targetColumns().stream().anyMatch(added.getOrDefault(key.target(), Set.of())::contains)
        || key.columns().stream().anyMatch(filled.getOrDefault(add.table(), Set.of())::contains);
  }

  private boolean onFilled(QualifiedName table, List<String> columns) {
    return columns.stream().anyMatch(filled.getOrDefault(table, Set.of())::contains);
  }

  private String sameValue(QualifiedName table, List<String> columns, String what) {
    List<String> same = columns.stream().filter(filled.getOrDefault(table, Set.of())::contains).toList();
    return String.join(", ", same) + " on " + table + " come" + (same.size() == 1 ? "s" : "") + " back holding "
        + (same.size() == 1 ? "its default" : "their defaults") + " in every row: " + what + " is built in the"
        + " reverse's transaction, and unless the default differs row by row it fails, changing nothing, while "
        + table + " has more than one row";
  }
}
