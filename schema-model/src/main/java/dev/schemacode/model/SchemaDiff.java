package dev.schemacode.model;

import dev.schemacode.model.introspect.TypeNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything it takes to get from one schema to another, as {@link SchemaChange}s in a
 * deterministic, dependency-correct order; plus the {@link Problem}s that stop a migration from
 * being generated at all (a required column without a default on an existing table).
 *
 * <p>Order within the main transaction: new schemas (a rename may move a table into one); drops of foreign keys, indexes and constraints (before the
 * drops of what they reference); renames; enum types and enum rebuilds (before the new tables and
 * columns that use them); new tables; new and changed columns; dropped columns and tables; dropped
 * enum types (and those a rebuild replaced); then keys,
 * constraints, foreign keys (after the tables they reference), indexes and comments.
 */
public record SchemaDiff(List<SchemaChange> changes, List<Problem> problems) {
  /**
   * A difference that cannot become a migration as declared; {@code code} is a diagnostic tag,
   * {@code table} the declared table at fault, when there is one (callers report on its declaration).
   */
  public record Problem(String code, String message, Optional<QualifiedName> table) {
    public Problem(String code, String message) {
      this(code, message, Optional.empty());
    }
  }

  public SchemaDiff {
    changes = List.copyOf(changes);
    problems = List.copyOf(problems);
  }

  public boolean isEmpty() {
    return changes.isEmpty() && problems.isEmpty();
  }

  public static SchemaDiff between(Schema before, Schema after) {
    return between(before, after, Renames.NONE);
  }

  public static SchemaDiff between(Schema before, Schema after, Renames renames) {
    return new Differ(before, after, renames, false).diff();
  }

  /**
   * The changes that take a database from {@code after} back to {@code before}, where a migration with
   * {@code renames} took it forward: the forward diff's safe forms and order, with one difference. A
   * column that comes back {@code NOT NULL} without a default is added as it was (it can only come
   * back empty, so such a reverse is inexact anyway, and PostgreSQL refuses it on a table with rows)
   * instead of being a problem: nobody can declare a default for a reverse.
   */
  public static SchemaDiff reverse(Schema after, Schema before, Renames renames) {
    return new Differ(after, before, renames.inverse(), true).diff();
  }

  /** The ordered steps of the main transaction; later phases keep their own order. */
  private enum Step {
    SCHEMAS, DROP_FOREIGN_KEYS, DROP_INDEXES, DROP_CONSTRAINTS, DROP_REPLACED, MAKE_ROOM, RENAMES, ENUMS, REBUILD_ENUMS, CREATE_TABLES,
    ADD_COLUMNS, ALTER_COLUMNS, DROP_COLUMNS, DROP_TABLES, DROP_ENUMS, ADD_CONSTRAINTS, ADD_FOREIGN_KEYS,
    CREATE_INDEXES, VALIDATE, COMMENTS
  }

  private static final class Differ {
    private final Schema after;
    private final Renames renames;
    private Schema before;
    /**
     * Renamed tables: new name → name before this migration. Drops of their keys, constraints and
     * indexes run before the renames, so they name the table as it still is then.
     */
    private final Map<QualifiedName, QualifiedName> originalNames = new HashMap<>();
    private final Map<Step, List<SchemaChange>> steps = new EnumMap<>(Step.class);
    private final List<Problem> problems = new ArrayList<>();
    /** Columns an enum rebuild converts ({@code table.column}); the rebuild also sets their new default. */
    private final Set<String> rebuiltColumns = new HashSet<>();
    /** The same columns by table: checks and partial indexes that mention them are rebuilt around the conversion. */
    private final Map<QualifiedName, Set<String>> rebuiltByTable = new HashMap<>();
    /** Checks and indexes ({@code table kind name}) already dropped and made again around a conversion. */
    private final Set<String> remade = new HashSet<>();
    /** Applied column renames by table (its new name): old column name → new. */
    private final Map<QualifiedName, Map<String, String>> renamedColumns = new HashMap<>();
    /** Columns whose type changes across operator families ({@code table.column}): foreign keys on them go and come back. */
    private final Set<String> recomparedColumns = new HashSet<>();
    /** Columns whose type changes by time zone ({@code table.column}): partial indexes that mention them are rebuilt. */
    private final Map<QualifiedName, Set<String>> rezonedColumns = new HashMap<>();

    /** Generating a reverse: a required column may come back (see {@link SchemaDiff#reverse}). */
    private final boolean reverse;

    Differ(Schema before, Schema after, Renames renames, boolean reverse) {
      this.reverse = reverse;
      this.before = before;
      this.after = after;
      this.renames = renames;
      for (Step step : Step.values()) {
        steps.put(step, new ArrayList<>());
      }
    }

    SchemaDiff diff() {
      Set<String> existingSchemas = before.schemaNames(); // before renames, which may move tables into new ones
      applyRenames();
      for (String schema : after.schemaNames()) {
        if (!existingSchemas.contains(schema)) {
          add(Step.SCHEMAS, new SchemaChange.CreateSchema(schema));
        }
      }
      diffEnums();
      List<Table> created = new ArrayList<>();
      for (Table table : after.tables()) {
        Optional<Table> previous = before.table(table.name());
        if (previous.isPresent()) {
          diffTable(previous.get(), table);
        } else {
          created.add(table);
        }
      }
      for (Table table : created) {
        add(Step.CREATE_TABLES, new SchemaChange.CreateTable(table));
        table.foreignKeys().forEach(key -> add(Step.ADD_FOREIGN_KEYS, new SchemaChange.AddForeignKey(table.name(), key)));
        table.indexes().forEach(index -> add(Step.CREATE_INDEXES, new SchemaChange.CreateIndex(table.name(), index)));
        table.comment().ifPresent(text ->
            add(Step.COMMENTS, new SchemaChange.CommentOnTable(table.name(), Optional.of(text))));
        table.columns().forEach(column -> column.comment().ifPresent(text ->
            add(Step.COMMENTS, new SchemaChange.CommentOnColumn(table.name(), column.name(), Optional.of(text)))));
      }
      for (Table table : before.tables()) {
        if (after.table(table.name()).isEmpty()) {
          // Its own keys and indexes go with it; references to it are dropped by the tables that had them.
          // Its own references go first: the key or column they point at may be dropped or changed before
          // the table is (drop entity C and change A's key), or be another table that goes.
          dropOutgoingForeignKeys(table);
          add(Step.DROP_TABLES, new SchemaChange.DropTable(table));
        }
      }
      rebuildForeignKeysOnRecomparedColumns();
      // Around an enum rebuild first: its indexes come back in the same transaction, as the rebuild
      // rewrites the table under an ACCESS EXCLUSIVE lock anyway.
      rebuildWhatMentions(rebuiltByTable, false);
      rebuildWhatMentions(rezonedColumns, true);
      buildPrimaryKeysConcurrently();
      dropIndexesFirstWhereTheirNamesAreReused();
      orderConstraintRenames();
      List<SchemaChange> ordered = new ArrayList<>();
      steps.values().forEach(ordered::addAll);
      return new SchemaDiff(ordered, problems);
    }

    private void add(Step step, SchemaChange change) {
      steps.get(step).add(change);
    }

    // ---- renames, applied to the "before" model so that the rest compares like with like

    /** The name a table has while the drops run, before any rename of this migration. */
    private QualifiedName dropName(QualifiedName table) {
      return originalNames.getOrDefault(table, table);
    }

    /**
     * Applies the declared renames in an order PostgreSQL can follow. A rename whose new name another
     * table or column still holds waits for it when that one is renamed away too (a shift: a→b, b→c);
     * when nothing renames the holder away it is being replaced (drop a, rename b to a), so it is
     * dropped first, under the acknowledgement its drop needs; and in a cycle (a↔b) one steps aside
     * under a temporary name. Without this the rename was skipped, and the data went with a drop.
     */
    private void applyRenames() {
      Map<QualifiedName, QualifiedName> tables = new java.util.TreeMap<>(); // new name → old name
      renames.tables().forEach((to, from) -> {
        if (before.table(from).isPresent() && after.table(to).isPresent() && !from.equals(to)) {
          tables.put(to, from);
        }
      });
      while (!tables.isEmpty()) {
        Optional<Map.Entry<QualifiedName, QualifiedName>> ready = tables.entrySet().stream()
            .filter(e -> !tables.containsValue(e.getKey())).findFirst();
        if (ready.isEmpty()) {
          Map.Entry<QualifiedName, QualifiedName> first = tables.entrySet().iterator().next();
          QualifiedName aside = new QualifiedName(first.getValue().schema(), ConstraintNames.fit(first.getValue().name(), "renaming"));
          renameTable(first.getValue(), aside);
          tables.put(first.getKey(), aside);
          continue;
        }
        QualifiedName to = ready.get().getKey();
        QualifiedName from = ready.get().getValue();
        before.table(to).ifPresent(this::dropReplacedTable);
        if (!from.schema().equals(to.schema()) && !from.name().equals(to.name()) && taken(to.schema(), from.name(), from)) {
          // moved and renamed, and its old name is taken where it goes: renamed where it is first
          QualifiedName step = new QualifiedName(from.schema(), to.name());
          if (taken(from.schema(), to.name(), from)) {
            step = new QualifiedName(from.schema(), ConstraintNames.fit(from.name(), "moving"));
          }
          renameTable(from, step);
          from = step;
        }
        makeRoomFor(from, to);
        renameTable(from, to);
        tables.remove(to);
      }
      for (Table table : after.tables()) {
        if (before.table(table.name()).isEmpty()) {
          continue;
        }
        Map<String, String> columns = new java.util.TreeMap<>(); // new name → old name
        renames.columnsOf(table.name()).forEach((to, from) -> {
          if (before.table(table.name()).orElseThrow().column(from).isPresent() && table.column(to).isPresent()
              && !from.equals(to)) {
            columns.put(to, from);
          }
        });
        columns.forEach((to, from) -> renamedColumns.computeIfAbsent(table.name(), t -> new HashMap<>()).put(from, to));
        while (!columns.isEmpty()) {
          Optional<Map.Entry<String, String>> ready = columns.entrySet().stream()
              .filter(e -> !columns.containsValue(e.getKey())).findFirst();
          if (ready.isEmpty()) {
            Map.Entry<String, String> first = columns.entrySet().iterator().next();
            String aside = ConstraintNames.fit(first.getValue(), "renaming");
            renameColumn(table.name(), first.getValue(), aside);
            columns.put(first.getKey(), aside);
            continue;
          }
          String to = ready.get().getKey();
          if (before.table(table.name()).orElseThrow().column(to).isPresent()) {
            dropReplacedColumn(table.name(), to);
          }
          renameColumn(table.name(), ready.get().getValue(), to);
          columns.remove(to);
        }
      }
      for (EnumType type : after.enums()) {
        Optional<EnumType> previous = before.enumType(type.name());
        if (previous.isEmpty()) {
          continue;
        }
        List<String> labels = new ArrayList<>(previous.get().labels());
        Map<String, String> pending = new java.util.TreeMap<>(); // new label → old label
        renames.valuesOf(type.name()).forEach((to, from) -> {
          if (labels.contains(from) && type.labels().contains(to) && !from.equals(to)) {
            pending.put(to, from);
          }
        });
        // in an order that works, as for tables and columns: a shift waits, a cycle goes through a temporary label
        while (!pending.isEmpty()) {
          Optional<Map.Entry<String, String>> ready = pending.entrySet().stream()
              .filter(e -> !pending.containsValue(e.getKey())).findFirst();
          if (ready.isEmpty()) {
            Map.Entry<String, String> first = pending.entrySet().iterator().next();
            String aside = first.getValue() + "__renaming";
            add(Step.RENAMES, new SchemaChange.RenameEnumValue(type.name(), first.getValue(), aside));
            labels.set(labels.indexOf(first.getValue()), aside);
            pending.put(first.getKey(), aside);
            continue;
          }
          String to = ready.get().getKey();
          String from = ready.get().getValue();
          pending.remove(to);
          if (!labels.contains(to)) { // a label taking the name of one removed is not a rename PostgreSQL can do in place
            add(Step.RENAMES, new SchemaChange.RenameEnumValue(type.name(), from, to));
            labels.set(labels.indexOf(from), to);
          }
        }
        if (!labels.equals(previous.get().labels())) {
          before = Rewrite.replaceEnum(before, new EnumType(type.name(), labels));
        }
      }
    }

    /**
     * What stays as declared but mentions a column whose type is converted is dropped before the
     * conversion and made again afterwards, from the declaration.
     *
     * <p>An enum rebuild ({@code concurrently} false): PostgreSQL would carry a check or an index
     * predicate over with its constants still of the old, renamed type ({@code status <> 'CLOSED'::status__old})
     * and fail ({@code operator does not exist: status <> status__old}). The index comes back in the
     * same transaction (the rebuild has the table locked and rewrites it anyway); the check {@code
     * NOT VALID}, then validated.
     *
     * <p>A change between {@code timestamp} and {@code timestamptz} ({@code concurrently} true): a
     * partial index would be rebuilt with a cast that depends on the time zone, which an index
     * predicate may not have, and PostgreSQL refuses the type change (so it is built again
     * concurrently). A check would be kept with constants of the old type, compared across types by
     * the session's time zone, which is not what the declaration now says.
     */
    private void rebuildWhatMentions(Map<QualifiedName, Set<String>> converted, boolean concurrently) {
      converted.forEach((tableName, columns) -> {
        Optional<Table> previous = before.table(tableName);
        Optional<Table> declared = after.table(tableName);
        if (previous.isEmpty() || declared.isEmpty()) {
          return;
        }
        for (Index index : declared.get().indexes()) {
          boolean unchanged = previous.get().indexes().stream()
              .anyMatch(i -> i.name().equals(index.name()) && definition(i).equals(definition(index)));
          boolean mentions = index.where().filter(w -> columns.stream().anyMatch(c -> Rewrite.mentions(w, c))).isPresent();
          if (unchanged && mentions && remade.add(tableName + " index " + index.name())) {
            add(Step.DROP_INDEXES, new SchemaChange.DropIndex(dropName(tableName), index, false));
            add(Step.CREATE_INDEXES, new SchemaChange.CreateIndex(tableName, index, concurrently));
          }
        }
        for (CheckConstraint check : declared.get().checks()) {
          boolean unchanged = previous.get().checks().contains(check);
          boolean mentions = columns.stream().anyMatch(c -> Rewrite.mentions(check.expression(), c));
          if (unchanged && mentions && remade.add(tableName + " check " + check.name())) {
            add(Step.DROP_CONSTRAINTS, new SchemaChange.DropConstraint(dropName(tableName), check.name(), "check"));
            add(Step.ADD_CONSTRAINTS, new SchemaChange.AddCheck(tableName, check, true));
            add(Step.VALIDATE, new SchemaChange.ValidateConstraint(tableName, check.name()));
          }
        }
      });
    }

    /**
     * A declared check or index predicate that still names a column this change drops or renames
     * away cannot be what the database holds afterwards: PostgreSQL drops such a check or index
     * with the column, and rewrites it to the new name on a rename. Recording the declaration
     * would leave the ledger describing an object the database does not have, so it is refused.
     */
    private void checkExpressionsNameLiveColumns(Table previous, Table declared) {
      Map<String, String> gone = new LinkedHashMap<>(); // column no longer there → what became of it
      for (Column column : previous.columns()) {
        if (declared.column(column.name()).isEmpty()) {
          gone.put(column.name(), "which this change drops");
        }
      }
      renamedColumns.getOrDefault(declared.name(), Map.of()).forEach((from, to) -> {
        if (declared.column(from).isEmpty()) {
          gone.put(from, "which is renamed to " + to + " (write " + to + " instead; PostgreSQL renames it in the expression too)");
        }
      });
      if (gone.isEmpty()) {
        return;
      }
      List<String[]> expressions = new ArrayList<>(); // what, expression
      declared.checks().forEach(c -> expressions.add(new String[] {"check " + c.name(), c.expression()}));
      declared.indexes().forEach(i -> i.where().ifPresent(w -> expressions.add(new String[] {"the predicate of index " + i.name(), w})));
      for (String[] expression : expressions) {
        gone.forEach((column, fate) -> {
          if (Rewrite.mentions(expression[1], column)) {
            problems.add(new Problem("ExpressionNamesGoneColumn", expression[0] + " on " + declared.name() + " (" + expression[1]
                + ") names column " + column + ", " + fate + "; PostgreSQL would drop or rewrite it, and the recorded schema"
                + " would not match the database. Change the expression so that it names only columns the table keeps,"
                + " or remove it", Optional.of(declared.name())));
          }
        });
      }
    }

    /**
     * Keys, unique constraints and indexes share one namespace per schema; when tables are renamed
     * into each other's names their default-named constraints shift too (a_pkey to b_pkey while
     * b_pkey becomes user_pkey). Those renames go in an order that works, a cycle through a temporary
     * name, after the table and column renames they follow.
     */
    private void orderConstraintRenames() {
      List<SchemaChange> renameSteps = steps.get(Step.RENAMES);
      List<SchemaChange> pending = new ArrayList<>(renameSteps.stream()
          .filter(c -> c instanceof SchemaChange.RenameConstraint || c instanceof SchemaChange.RenameIndex).toList());
      if (pending.size() < 2) {
        return;
      }
      renameSteps.removeAll(pending);
      while (!pending.isEmpty()) {
        Set<String> sources = new HashSet<>();
        pending.forEach(c -> sources.add(renamed(c, true)));
        Optional<SchemaChange> ready = pending.stream().filter(c -> !sources.contains(renamed(c, false))).findFirst();
        if (ready.isPresent()) {
          renameSteps.add(ready.get());
          pending.remove(ready.get());
          continue;
        }
        SchemaChange first = pending.remove(0);
        if (first instanceof SchemaChange.RenameIndex r) {
          String aside = ConstraintNames.fit(r.from(), "renaming");
          renameSteps.add(new SchemaChange.RenameIndex(r.table(), r.from(), aside));
          pending.add(new SchemaChange.RenameIndex(r.table(), aside, r.to()));
        } else {
          SchemaChange.RenameConstraint r = (SchemaChange.RenameConstraint) first;
          String aside = ConstraintNames.fit(r.from(), "renaming");
          renameSteps.add(new SchemaChange.RenameConstraint(r.table(), r.from(), aside));
          pending.add(new SchemaChange.RenameConstraint(r.table(), aside, r.to()));
        }
      }
    }

    /** {@code schema.name} of a constraint or index rename's old ({@code from}) or new name. */
    private static String renamed(SchemaChange change, boolean from) {
      if (change instanceof SchemaChange.RenameIndex r) {
        return r.table().schema() + "." + (from ? r.from() : r.to());
      }
      SchemaChange.RenameConstraint r = (SchemaChange.RenameConstraint) change;
      return r.table().schema() + "." + (from ? r.from() : r.to());
    }

    /**
     * A table moving to another schema takes its key, unique constraints and indexes into that
     * schema's namespace, where PostgreSQL refuses a name a relation holds already ({@code relation
     * "c_pkey" already exists}). Such a one is renamed aside first, under the name it has before
     * this migration; comparing the tables then gives it its declared name.
     */
    /** Whether a relation of another table than {@code except} has the name in the schema. */
    private boolean taken(String schema, String name, QualifiedName except) {
      return before.tables().stream().filter(t -> t.name().schema().equals(schema) && !t.name().equals(except))
          .anyMatch(t -> t.relationNames().contains(name));
    }

    private void makeRoomFor(QualifiedName from, QualifiedName to) {
      if (from.schema().equals(to.schema())) {
        return;
      }
      Table moving = before.table(from).orElseThrow();
      Set<String> taken = new HashSet<>();
      before.tables().stream().filter(t -> t.name().schema().equals(to.schema()) && !t.name().equals(from))
          .forEach(t -> taken.addAll(t.relationNames()));
      List<String> relations = moving.relationNames();
      for (String relation : relations.subList(1, relations.size())) { // the first is the table's own name
        if (!taken.contains(relation)) {
          continue;
        }
        String aside = ConstraintNames.fit(relation, "moving");
        boolean index = moving.indexes().stream().anyMatch(i -> i.name().equals(relation));
        add(Step.MAKE_ROOM, index ? new SchemaChange.RenameIndex(dropName(from), relation, aside)
            : new SchemaChange.RenameConstraint(dropName(from), relation, aside));
        before = Rewrite.renameRelation(before, from, relation, aside);
      }
    }

    private void renameTable(QualifiedName from, QualifiedName to) {
      List<String> identities = before.table(from).map(t -> t.columns().stream().filter(Column::identity).map(Column::name)
          .toList()).orElse(List.of());
      add(Step.RENAMES, new SchemaChange.RenameTable(from, to, identities));
      before = Rewrite.renameTable(before, from, to);
      originalNames.put(to, originalNames.getOrDefault(from, from));
      originalNames.remove(from);
    }

    private void renameColumn(QualifiedName table, String from, String to) {
      add(Step.RENAMES, new SchemaChange.RenameColumn(table, from, to));
      before = Rewrite.renameColumn(before, table, from, to);
    }

    private void dropOutgoingForeignKeys(Table table) {
      table.foreignKeys().stream().filter(k -> !k.target().equals(table.name())).forEach(k ->
          add(Step.DROP_FOREIGN_KEYS, new SchemaChange.DropConstraint(dropName(table.name()), k.name(), "foreign key")));
    }

    /** A table that a renamed one replaces goes first, with the foreign keys of other tables that point at it. */
    private void dropReplacedTable(Table replaced) {
      dropOutgoingForeignKeys(replaced);
      for (Table other : before.tables()) {
        for (ForeignKey key : other.foreignKeys()) {
          if (key.target().equals(replaced.name()) && !other.name().equals(replaced.name())) {
            add(Step.DROP_FOREIGN_KEYS, new SchemaChange.DropConstraint(dropName(other.name()), key.name(), "foreign key"));
            before = Rewrite.withoutForeignKey(before, other.name(), key.name());
          }
        }
      }
      add(Step.DROP_REPLACED, new SchemaChange.DropTable(replaced));
      before = Rewrite.withoutTable(before, replaced.name());
    }

    /**
     * A column that a renamed one replaces goes first, and explicitly with it everything that uses it
     * (PostgreSQL would drop most of it silently, foreign keys from other tables not at all), so that
     * whatever the declaration keeps under the same names is added back to the column that takes
     * its place.
     */
    private void dropReplacedColumn(QualifiedName tableName, String column) {
      QualifiedName sqlName = dropName(tableName);
      for (Table other : before.tables()) {
        for (ForeignKey key : other.foreignKeys()) {
          boolean pointsAtIt = key.target().equals(tableName) && key.targetColumns().contains(column);
          boolean usesIt = other.name().equals(tableName) && key.columns().contains(column);
          if (pointsAtIt || usesIt) {
            add(Step.DROP_FOREIGN_KEYS, new SchemaChange.DropConstraint(dropName(other.name()), key.name(), "foreign key"));
            before = Rewrite.withoutForeignKey(before, other.name(), key.name());
          }
        }
      }
      Table table = before.table(tableName).orElseThrow();
      table.indexes().stream().filter(i -> Rewrite.uses(i, column))
          .forEach(i -> add(Step.DROP_INDEXES, new SchemaChange.DropIndex(sqlName, i, false)));
      table.uniques().stream().filter(u -> u.columns().contains(column)).forEach(u ->
          add(Step.DROP_CONSTRAINTS, new SchemaChange.DropConstraint(sqlName, u.name(), "unique constraint")));
      table.checks().stream().filter(c -> Rewrite.mentions(c.expression(), column)).forEach(c ->
          add(Step.DROP_CONSTRAINTS, new SchemaChange.DropConstraint(sqlName, c.name(), "check")));
      table.primaryKey().filter(k -> k.columns().contains(column)).ifPresent(k ->
          add(Step.DROP_CONSTRAINTS, new SchemaChange.DropPrimaryKey(sqlName, k)));
      add(Step.DROP_REPLACED, new SchemaChange.DropColumn(sqlName, table.column(column).orElseThrow()));
      before = Rewrite.dropColumn(before, tableName, column);
    }

    // ---- enum types

    private void diffEnums() {
      for (EnumType type : after.enums()) {
        Optional<EnumType> previous = before.enumType(type.name());
        if (previous.isEmpty()) {
          add(Step.ENUMS, new SchemaChange.CreateEnum(type));
        } else if (!previous.get().labels().equals(type.labels())) {
          if (isSubsequence(previous.get().labels(), type.labels())) {
            addValuesInPlace(previous.get(), type);
          } else {
            List<SchemaChange.ColumnRef> usages = usages(type);
            usages.forEach(ref -> {
              rebuiltColumns.add(ref.table() + "." + ref.column().name());
              rebuiltByTable.computeIfAbsent(ref.table(), t -> new HashSet<>()).add(ref.column().name());
            });
            SchemaChange.RebuildEnum rebuild = new SchemaChange.RebuildEnum(previous.get(), type, usages);
            add(Step.REBUILD_ENUMS, rebuild);
            // after the columns that leave the old type or go with their tables
            add(Step.DROP_ENUMS, new SchemaChange.DropEnum(rebuild.replaced()));
          }
        }
      }
      for (EnumType type : before.enums()) {
        if (after.enumType(type.name()).isEmpty()) {
          add(Step.DROP_ENUMS, new SchemaChange.DropEnum(type));
        }
      }
    }

    /** New labels go in at their declared position: before the next existing label, or after the previous. */
    private void addValuesInPlace(EnumType previous, EnumType type) {
      // The new labels' file runs before the main one: this type's renames move into it, ahead of the
      // additions, so that a label placed next to a renamed one finds it, and one that takes the name a
      // renamed label gives up is not skipped by IF NOT EXISTS.
      List<SchemaChange> renames = steps.get(Step.RENAMES).stream()
          .filter(c -> c instanceof SchemaChange.RenameEnumValue r && r.type().equals(type.name())).toList();
      steps.get(Step.RENAMES).removeAll(renames);
      for (SchemaChange change : renames) {
        SchemaChange.RenameEnumValue rename = (SchemaChange.RenameEnumValue) change;
        add(Step.ENUMS, new SchemaChange.RenameEnumValue(rename.type(), rename.from(), rename.to(), Phase.ENUM_VALUES));
      }
      List<String> labels = type.labels();
      for (int i = 0; i < labels.size(); i++) {
        String label = labels.get(i);
        if (previous.labels().contains(label)) {
          continue;
        }
        Optional<String> next = labels.subList(i + 1, labels.size()).stream()
            .filter(previous.labels()::contains).findFirst();
        Optional<String> prior = next.isPresent() ? Optional.empty()
            : Optional.of(labels.get(i - 1)); // no existing label after it: there is one before it
        add(Step.ENUMS, new SchemaChange.AddEnumValue(type.name(), label, next, prior));
      }
    }

    private static boolean isSubsequence(List<String> part, List<String> whole) {
      int position = 0;
      for (String label : whole) {
        if (position < part.size() && part.get(position).equals(label)) {
          position++;
        }
      }
      return position == part.size();
    }

    /** Columns of tables that exist before and after and use the enum type, as the rebuild must convert them. */
    private List<SchemaChange.ColumnRef> usages(EnumType type) {
      String sql = PostgresRenderer.typeName(type.name());
      List<SchemaChange.ColumnRef> columns = new ArrayList<>();
      for (Table table : before.tables()) {
        for (Column column : table.columns()) {
          Optional<Column> declared = after.table(table.name()).flatMap(t -> t.column(column.name()));
          String columnType = TypeNames.canonical(column.type());
          if ((columnType.equals(TypeNames.canonical(sql)) || columnType.equals(TypeNames.canonical(sql + "[]")))
              && declared.map(c -> TypeNames.same(c.type(), column.type())).orElse(false)) {
            // the declared default: the old one may name a removed value, the new one an added value
            columns.add(new SchemaChange.ColumnRef(table.name(), column, declared.get().defaultExpression()));
          }
        }
      }
      return columns;
    }

    // ---- one table that exists before and after

    private void diffTable(Table before, Table after) {
      QualifiedName name = after.name();
      QualifiedName sqlName = dropName(name); // drops run before the renames
      checkExpressionsNameLiveColumns(before, after);
      for (Column column : after.columns()) {
        Optional<Column> previous = before.column(column.name());
        if (previous.isEmpty()) {
          addColumn(name, column);
        } else {
          diffColumn(name, previous.get(), column);
        }
      }
      for (Column column : before.columns()) {
        if (after.column(column.name()).isEmpty()) {
          add(Step.DROP_COLUMNS, new SchemaChange.DropColumn(name, column));
        }
      }
      diffPrimaryKey(name, before.primaryKey(), after.primaryKey());
      diffNamed(name, before.uniques(), after.uniques(), UniqueConstraint::name, UniqueConstraint::columns,
          u -> add(Step.DROP_CONSTRAINTS, new SchemaChange.DropConstraint(sqlName, u.name(), "unique constraint")),
          u -> addUnique(name, u));
      diffNamed(name, before.checks(), after.checks(), CheckConstraint::name, CheckConstraint::expression,
          c -> add(Step.DROP_CONSTRAINTS, new SchemaChange.DropConstraint(sqlName, c.name(), "check")),
          c -> {
            add(Step.ADD_CONSTRAINTS, new SchemaChange.AddCheck(name, c, true));
            add(Step.VALIDATE, new SchemaChange.ValidateConstraint(name, c.name()));
          });
      diffNamed(name, before.foreignKeys(), after.foreignKeys(), ForeignKey::name, Differ::definition,
          k -> add(Step.DROP_FOREIGN_KEYS, new SchemaChange.DropConstraint(sqlName, k.name(), "foreign key")),
          k -> addForeignKey(name, k));
      diffIndexes(name, before.indexes(), after.indexes());
      if (!before.comment().equals(after.comment())) {
        add(Step.COMMENTS, new SchemaChange.CommentOnTable(name, after.comment()));
      }
    }

    private void addColumn(QualifiedName table, Column column) {
      boolean required = !column.nullable() && !column.identity() && column.defaultExpression().isEmpty();
      if (required && !reverse) {
        problems.add(new Problem("RequiredColumnNeedsDefault", "new column " + table + "." + column.name()
            + " is NOT NULL but table " + table + " already exists and may have rows: give the field a @Default(...),"
            + " or add it @Nullable first, fill it with a hand-written migration (V<next>__backfill_" + column.name()
            + ".sql), and drop @Nullable in a later change"));
        return;
      }
      add(Step.ADD_COLUMNS, new SchemaChange.AddColumn(table, column));
      column.comment().ifPresent(text ->
          add(Step.COMMENTS, new SchemaChange.CommentOnColumn(table, column.name(), Optional.of(text))));
    }

    private void diffColumn(QualifiedName table, Column before, Column after) {
      String name = after.name();
      // Before any type change: PostgreSQL keeps identity columns integers, so one that widens to
      // numeric in the same version must stop being identity first.
      if (before.identity() && !after.identity()) {
        add(Step.ALTER_COLUMNS, new SchemaChange.DropIdentity(table, name));
      }
      if (!TypeNames.same(before.type(), after.type())) { // a new spelling of the same type is no change
        List<String> labels = this.after.enums().stream()
            .filter(e -> TypeNames.same(PostgresRenderer.typeName(e.name()), TypeNames.canonical(after.type()).replaceFirst("\\[\\]$", "")))
            .findFirst().map(EnumType::labels).orElse(List.of());
        add(Step.ALTER_COLUMNS, new SchemaChange.AlterColumnType(table, name, before.type(), after.type(),
            TypeChange.classify(before.type(), after.type()), labels));
        if (!TypeChange.keepsComparisons(before.type(), after.type())) {
          recomparedColumns.add(table + "." + name);
        }
        if (TypeChange.convertsByTimeZone(before.type(), after.type())) {
          rezonedColumns.computeIfAbsent(table, t -> new HashSet<>()).add(name);
        }
      }
      // A column an enum rebuild converts gets its new default from the rebuild, which drops the old
      // one (a value of the old type) before converting the column.
      if (!before.defaultExpression().equals(after.defaultExpression()) && !rebuiltColumns.contains(table + "." + name)) {
        add(Step.ALTER_COLUMNS, new SchemaChange.SetColumnDefault(table, name, after.defaultExpression()));
      }
      boolean becomesIdentity = !before.identity() && after.identity();
      if (becomesIdentity && !before.nullable()) {
        add(Step.ALTER_COLUMNS, new SchemaChange.AddIdentity(table, name));
      }
      boolean wasRequired = !before.nullable();
      boolean isRequired = !after.nullable();
      if (wasRequired && !isRequired) {
        add(Step.ALTER_COLUMNS, new SchemaChange.DropNotNull(table, name));
      } else if (!wasRequired && isRequired) {
        String check = notNullCheckName(table, name);
        add(Step.ADD_CONSTRAINTS, new SchemaChange.AddNotNullCheck(table, name, check));
        add(Step.VALIDATE, new SchemaChange.SetNotNull(table, name, Optional.of(check)));
        if (becomesIdentity) {
          // An identity column is NOT NULL, and PostgreSQL adds an identity only to a column that already is
          // (a @Nullable Long that becomes @Identity): so after the safe SET NOT NULL, in the same file.
          add(Step.VALIDATE, new SchemaChange.AddIdentity(table, name, Phase.VALIDATE));
        }
      }
      if (!before.comment().equals(after.comment())) {
        add(Step.COMMENTS, new SchemaChange.CommentOnColumn(table, name, after.comment()));
      }
    }

    /** The temporary check's name, unless a constraint or index of the table has it already (then numbered). */
    private String notNullCheckName(QualifiedName table, String column) {
      Set<String> taken = new HashSet<>();
      for (Table t : List.of(before.table(table).orElseThrow(), after.table(table).orElseThrow())) {
        t.primaryKey().ifPresent(k -> taken.add(k.name()));
        t.uniques().forEach(u -> taken.add(u.name()));
        t.checks().forEach(c -> taken.add(c.name()));
        t.foreignKeys().forEach(k -> taken.add(k.name()));
        t.indexes().forEach(i -> taken.add(i.name()));
      }
      String name = ConstraintNames.notNullCheck(table.name(), column);
      for (int n = 2; taken.contains(name); n++) {
        name = ConstraintNames.notNullCheck(table.name(), column + "_" + n);
      }
      return name;
    }

    private void diffPrimaryKey(QualifiedName table, Optional<PrimaryKey> before, Optional<PrimaryKey> after) {
      if (before.equals(after)) {
        return;
      }
      if (before.isPresent() && after.isPresent() && before.get().columns().equals(after.get().columns())) {
        add(Step.RENAMES, new SchemaChange.RenameConstraint(table, before.get().name(), after.get().name()));
        return;
      }
      before.ifPresent(key -> add(Step.DROP_CONSTRAINTS, new SchemaChange.DropPrimaryKey(dropName(table), key)));
      after.ifPresent(key -> add(Step.ADD_CONSTRAINTS, new SchemaChange.AddPrimaryKey(table, key)));
    }

    /**
     * A foreign key that stays as declared but whose columns, on either side, change type across
     * operator families cannot be kept by PostgreSQL through the change ("cannot be implemented"):
     * it is dropped before the type changes and added again after them, {@code NOT VALID} then
     * validated. Keys that change anyway are dropped and added by the table's own diff.
     */
    private void rebuildForeignKeysOnRecomparedColumns() {
      if (recomparedColumns.isEmpty()) {
        return;
      }
      for (Table table : after.tables()) {
        Optional<Table> previous = before.table(table.name());
        for (ForeignKey key : table.foreignKeys()) {
          boolean unchanged = previous.flatMap(p -> p.foreignKeys().stream().filter(k -> k.name().equals(key.name())).findFirst())
              .map(k -> definition(k).equals(definition(key))).orElse(false);
          boolean recompared = key.columns().stream().anyMatch(c -> recomparedColumns.contains(table.name() + "." + c))
              || key.targetColumns().stream().anyMatch(c -> recomparedColumns.contains(key.target() + "." + c));
          if (unchanged && recompared) {
            add(Step.DROP_FOREIGN_KEYS, new SchemaChange.DropConstraint(dropName(table.name()), key.name(), "foreign key"));
            addForeignKey(table.name(), key);
          }
        }
      }
    }

    private void addUnique(QualifiedName table, UniqueConstraint unique) {
      // The index is built concurrently, then attached: no long ACCESS EXCLUSIVE lock.
      add(Step.CREATE_INDEXES, new SchemaChange.CreateIndex(table,
          new Index(unique.name(), unique.columns(), true, Index.DEFAULT_METHOD, Optional.empty()), true));
      add(Step.VALIDATE, new SchemaChange.AddUnique(table, unique, true));
    }

    private void addForeignKey(QualifiedName table, ForeignKey key) {
      add(Step.ADD_FOREIGN_KEYS, new SchemaChange.AddForeignKey(table, key, true));
      add(Step.VALIDATE, new SchemaChange.ValidateConstraint(table, key.name()));
    }

    /**
     * An index of an existing table goes {@code CONCURRENTLY}, outside a transaction, after the main
     * file (named by the table's new name, as renames have run by then). One redefined under the same
     * name is dropped by its rebuild; one on a column that this migration drops goes with the column.
     */
    private void diffIndexes(QualifiedName table, List<Index> before, List<Index> after) {
      Table declared = this.after.table(table).orElseThrow();
      diffNamed(table, before, after, Index::name, Differ::definition,
          index -> {
            List<Column> columns = this.before.table(table).orElseThrow().columns();
            boolean onDroppedColumn = columns.stream()
                .anyMatch(c -> declared.column(c.name()).isEmpty() && Rewrite.uses(index, c.name()));
            // on a column converted in the main file, it goes first there: the conversion holds the
            // table's ACCESS EXCLUSIVE lock anyway, and would otherwise rebuild it (or fail on its predicate)
            boolean onConvertedColumn = columns.stream().anyMatch(c -> Rewrite.uses(index, c.name())
                && (rebuiltColumns.contains(table + "." + c.name())
                    || declared.column(c.name()).filter(d -> !TypeNames.same(d.type(), c.type())).isPresent()));
            // redefined: the concurrent build of the new one drops the old one first (as a failed build's leftover)
            boolean rebuilt = after.stream().anyMatch(i -> i.name().equals(index.name()));
            if (onConvertedColumn) {
              add(Step.DROP_INDEXES, new SchemaChange.DropIndex(dropName(table), index, false));
            } else if (!onDroppedColumn && !rebuilt) {
              add(Step.DROP_INDEXES, new SchemaChange.DropIndex(table, index, true));
            }
          },
          index -> add(Step.CREATE_INDEXES, new SchemaChange.CreateIndex(table, index, true)));
    }

    /**
     * A primary key added to a table that exists: its unique index is built concurrently and attached
     * in the validating file, after any {@code SET NOT NULL} of its columns there, so that neither
     * takes a long ACCESS EXCLUSIVE lock. Not where a foreign key added in this migration references
     * the table: that is added {@code NOT VALID} in the main file and needs the key there.
     */
    private void buildPrimaryKeysConcurrently() {
      Set<QualifiedName> referenced = new HashSet<>();
      steps.get(Step.ADD_FOREIGN_KEYS).forEach(c -> {
        if (c instanceof SchemaChange.AddForeignKey k) {
          referenced.add(k.foreignKey().target());
        }
      });
      List<SchemaChange> constraints = steps.get(Step.ADD_CONSTRAINTS);
      for (SchemaChange change : new ArrayList<>(constraints)) {
        if (change instanceof SchemaChange.AddPrimaryKey k && !k.usingIndex() && !referenced.contains(k.table())) {
          constraints.remove(change);
          add(Step.CREATE_INDEXES, new SchemaChange.CreateIndex(k.table(),
              new Index(k.key().name(), k.key().columns(), true, Index.DEFAULT_METHOD, Optional.empty()), true));
          add(Step.VALIDATE, new SchemaChange.AddPrimaryKey(k.table(), k.key(), true));
        }
      }
    }

    /**
     * A concurrent index drop waits for the main file; where that file creates something of the same
     * name in the schema (a new table's index or key), the drop must come first, so it stays in the
     * main transaction.
     */
    private void dropIndexesFirstWhereTheirNamesAreReused() {
      Set<String> created = new HashSet<>();
      for (List<SchemaChange> changes : steps.values()) {
        for (SchemaChange change : changes) {
          if (change.phase() != Phase.MAIN) {
            continue;
          }
          if (change instanceof SchemaChange.CreateTable c) {
            c.table().primaryKey().ifPresent(k -> created.add(c.table().name().schema() + "." + k.name()));
            c.table().uniques().forEach(u -> created.add(c.table().name().schema() + "." + u.name()));
          } else if (change instanceof SchemaChange.CreateIndex c) {
            created.add(c.table().schema() + "." + c.index().name());
          } else if (change instanceof SchemaChange.AddPrimaryKey c) {
            created.add(c.table().schema() + "." + c.key().name());
          } else if (change instanceof SchemaChange.AddUnique c) {
            created.add(c.table().schema() + "." + c.unique().name());
          }
        }
      }
      List<SchemaChange> drops = steps.get(Step.DROP_INDEXES);
      for (int i = 0; i < drops.size(); i++) {
        if (drops.get(i) instanceof SchemaChange.DropIndex d && d.concurrently()
            && created.contains(d.table().schema() + "." + d.index().name())) {
          drops.set(i, new SchemaChange.DropIndex(dropName(d.table()), d.index(), false));
        }
      }
    }

    /**
     * Matches constraints by name; one whose name is gone but whose definition reappears under a
     * new name is renamed, anything else is dropped and added.
     */
    private <T> void diffNamed(QualifiedName table, List<T> before, List<T> after, Function<T, String> name,
        Function<T, Object> definition, java.util.function.Consumer<T> drop, java.util.function.Consumer<T> create) {
      Map<String, T> beforeByName = new LinkedHashMap<>();
      before.forEach(item -> beforeByName.put(name.apply(item), item));
      Map<String, T> afterByName = new LinkedHashMap<>();
      after.forEach(item -> afterByName.put(name.apply(item), item));
      List<T> dropped = new ArrayList<>();
      List<T> added = new ArrayList<>();
      for (T item : before) {
        T same = afterByName.get(name.apply(item));
        if (same == null) {
          dropped.add(item);
        } else if (!Objects.equals(definition.apply(item), definition.apply(same))) {
          dropped.add(item);
          added.add(same);
        }
      }
      for (T item : after) {
        if (!beforeByName.containsKey(name.apply(item))) {
          added.add(item);
        }
      }
      Set<T> renamedTo = new HashSet<>();
      for (T old : new ArrayList<>(dropped)) {
        if (afterByName.containsKey(name.apply(old))) {
          continue; // same name, new definition: a real drop and add
        }
        Optional<T> match = added.stream()
            .filter(a -> !beforeByName.containsKey(name.apply(a)) && !renamedTo.contains(a))
            .filter(a -> Objects.equals(definition.apply(a), definition.apply(old)))
            .findFirst();
        if (match.isPresent()) {
          renamedTo.add(match.get());
          dropped.remove(old);
          added.remove(match.get());
          boolean isIndex = old instanceof Index;
          add(Step.RENAMES, isIndex
              ? new SchemaChange.RenameIndex(table, name.apply(old), name.apply(match.get()))
              : new SchemaChange.RenameConstraint(table, name.apply(old), name.apply(match.get())));
        }
      }
      dropped.stream().sorted(Comparator.comparing(name)).forEach(drop);
      added.stream().sorted(Comparator.comparing(name)).forEach(create);
    }

    private static Object definition(ForeignKey key) {
      return List.of(key.columns(), key.target(), key.targetColumns(), key.onDelete(), key.onUpdate());
    }

    private static Object definition(Index index) {
      return List.of(index.columns(), index.unique(), index.method(), index.where());
    }
  }
}
