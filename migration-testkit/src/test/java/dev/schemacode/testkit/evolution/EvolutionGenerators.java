package dev.schemacode.testkit.evolution;

import static org.quicktheories.generators.SourceDSL.lists;

import dev.schemacode.model.ForeignKey;
import dev.schemacode.model.QualifiedName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random evolutions: a few versions of one to three edits each, over four tables (one of them in
 * another schema, one named with a reserved word) and five column names besides the row key
 * ({@code order} is reserved, {@code Mixed} needs quotes), so that edits often meet what earlier
 * ones made. Weights favour building up over tearing down. Everything
 * shrinks towards the first choice of each pick, so shrunk examples read simply.
 */
final class EvolutionGenerators {
  static final List<QualifiedName> TABLES = List.of(QualifiedName.of("a"), QualifiedName.of("b"),
      QualifiedName.of("user"), new QualifiedName("s2", "c"));
  private static final List<String> LABELS = List.of("calm", "angry", "meh", "glad");
  private static final List<String> COMMENTS = List.of("note", "it's", "ünïcödé");

  private EvolutionGenerators() {}

  /**
   * A first version that creates the four tables, with random columns and keys, so that most later
   * edits find something to change; then up to {@code maxVersions} versions of edits.
   */
  static Gen<Evolution> evolutions(int maxVersions) {
    Gen<List<Edit>> first = createTable(Generate.constant(TABLES.get(0)), 2)
        .zip(createTable(Generate.constant(TABLES.get(1)), 2), createTable(Generate.constant(TABLES.get(2)), 2),
            createTable(Generate.constant(TABLES.get(3)), 2), List::of);
    Gen<List<List<Edit>>> rest = lists().of(lists().of(edit()).ofSizeBetween(1, 3)).ofSizeBetween(1, maxVersions);
    return first.zip(rest, (tables, versions) -> {
      List<List<Edit>> all = new ArrayList<>(List.of(tables));
      all.addAll(versions);
      return new Evolution(all);
    });
  }

  static Gen<Edit> edit() {
    List<Pair<Integer, Gen<Edit>>> edits = new ArrayList<>();
    add(edits, 8, table().zip(columnSpec(), ColumnEdits.AddColumn::new));
    add(edits, 3, createTable(table(), 0));
    add(edits, 4, table().zip(anyColumn(), pick(), ColumnEdits.WidenColumn::new));
    add(edits, 4, table().zip(column(), Generate.booleans(), ColumnEdits.SetNullable::new));
    add(edits, 4, table().zip(columns(), Generate.booleans(), pick(), Generate.booleans(), ConstraintEdits.AddIndex::new));
    add(edits, 4, table().zip(table(), action(), action(), ConstraintEdits.AddForeignKey::new));
    add(edits, 3, table().zip(anyColumn(), renameTarget(), ColumnEdits.RenameColumn::new));
    add(edits, 3, table().zip(column(), Generate.range(-1, 2), ColumnEdits.SetDefault::new));
    add(edits, 3, table().zip(columns(), ConstraintEdits.AddUnique::new));
    add(edits, 3, table().zip(anyColumn(), column().toOptionals(50), Generate.range(0, 1), ConstraintEdits.AddCheck::new));
    add(edits, 2, table().zip(table(), TableEdits.RenameTable::new));
    add(edits, 2, movable().map(TableEdits.MoveTable::new));
    add(edits, 2, table().zip(anyColumn(), Generate.booleans(), ConstraintEdits.AddExpressionIndexByHand::new));
    add(edits, 2, table().zip(column(), ColumnEdits.DropColumn::new));
    add(edits, 2, table().zip(anyColumn(), Generate.booleans(), ColumnEdits.SetIdentity::new));
    add(edits, 2, table().zip(pick(), action(), action(), ConstraintEdits.ChangeForeignKeyActions::new));
    add(edits, 2, table().zip(Generate.pick(List.of(true, true, false)), column().toOptionals(50),
        ConstraintEdits.ChangePrimaryKey::new));
    add(edits, 2, enumType().zip(Generate.pick(LABELS), pick(), EnumEdits.AddValue::new));
    add(edits, 2, enumType().zip(pick(), Generate.pick(LABELS), EnumEdits.RenameValue::new));
    add(edits, 2, enumType().zip(pick(), EnumEdits.RemoveValue::new));
    add(edits, 1, enumType().zip(pick(), EnumEdits.SwapValues::new));
    add(edits, 1, table().map(TableEdits.DropTable::new));
    add(edits, 1, table().zip(comment(), TableEdits.CommentTable::new));
    add(edits, 1, table().zip(anyColumn(), comment(), ColumnEdits.CommentColumn::new));
    add(edits, 1, table().zip(pick(), ConstraintEdits.DropUnique::new));
    add(edits, 1, table().zip(pick(), ConstraintEdits.DropIndex::new));
    add(edits, 1, table().zip(pick(), Generate.pick(List.of("ix1", "ix2")), ConstraintEdits.RenameIndex::new));
    add(edits, 1, table().zip(pick(), ConstraintEdits.DropForeignKey::new));
    add(edits, 1, table().zip(pick(), ConstraintEdits.DropCheck::new));
    return Generate.frequency(edits);
  }

  private static void add(List<Pair<Integer, Gen<Edit>>> edits, int weight, Gen<? extends Edit> edit) {
    edits.add(Pair.of(weight, edit.map(e -> (Edit) e)));
  }

  static Gen<Edit> createTable(Gen<QualifiedName> table, int minColumns) {
    Gen<List<Edit.ColumnSpec>> specs = lists().of(columnSpec()).ofSizeBetween(minColumns, 4).map(EvolutionGenerators::distinctNames);
    return table.zip(Generate.pick(List.of("integer", "bigint", "smallint")), Generate.booleans(), specs,
        Generate.range(-1, 2), (name, idType, identity, columns, key) -> new TableEdits.CreateTable(name, idType, identity,
            columns, key >= 0 && key < columns.size() ? Optional.of(columns.get(key).name()) : Optional.empty()));
  }

  private static List<Edit.ColumnSpec> distinctNames(List<Edit.ColumnSpec> specs) {
    Map<String, Edit.ColumnSpec> byName = new LinkedHashMap<>();
    specs.forEach(spec -> byName.putIfAbsent(spec.name(), spec));
    return List.copyOf(byName.values());
  }

  static Gen<Edit.ColumnSpec> columnSpec() {
    return column().zip(Generate.pick(Types.ALL), Generate.pick(List.of(true, false)), Generate.range(-1, 2),
        Edit.ColumnSpec::new);
  }

  private static Gen<QualifiedName> table() {
    return Generate.pick(TABLES);
  }

  /** The tables, and where {@link TableEdits.MoveTable} takes them, so that they can move back. */
  private static Gen<QualifiedName> movable() {
    return Generate.pick(List.of(TABLES.get(0), new QualifiedName("s2", "a"), TABLES.get(2), QualifiedName.of("c"),
        TABLES.get(3)));
  }

  /** Mostly the names tables usually have, so that edits of columns often find theirs. */
  private static Gen<String> column() {
    return Generate.frequency(Pair.of(3, Generate.constant("c1")), Pair.of(3, Generate.constant("c2")),
        Pair.of(2, Generate.constant("order")), Pair.of(1, Generate.constant("c3")), Pair.of(1, Generate.constant("Mixed")));
  }

  /** A column name that may also be the row key. */
  private static Gen<String> anyColumn() {
    return Generate.frequency(Pair.of(5, column()), Pair.of(1, Generate.constant("id")));
  }

  private static Gen<String> renameTarget() {
    return Generate.frequency(Pair.of(5, column()), Pair.of(1, Generate.pick(List.of("id", "ident"))));
  }

  private static Gen<List<String>> columns() {
    return Generate.frequency(Pair.of(7, anyColumn().map(c -> List.of(c))),
        Pair.of(3, anyColumn().zip(anyColumn(), (a, b) -> List.of(a, b).stream().distinct().toList())));
  }

  private static Gen<Integer> pick() {
    return Generate.range(0, 3);
  }

  private static Gen<Optional<String>> comment() {
    return Generate.pick(COMMENTS).toOptionals(30);
  }

  private static Gen<ForeignKey.Action> action() {
    return Generate.enumValues(ForeignKey.Action.class);
  }

  private static Gen<String> enumType() {
    return Generate.pick(List.of(Types.MOOD, Types.TIER));
  }
}
