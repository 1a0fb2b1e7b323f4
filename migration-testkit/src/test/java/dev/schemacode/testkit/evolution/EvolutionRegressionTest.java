package dev.schemacode.testkit.evolution;

import dev.schemacode.model.ForeignKey;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every minimal counterexample {@link RandomEvolutionTest} found, replayed through the same runner
 * on a real PostgreSQL, so that each bug stays fixed. Each case names the bug and where it was fixed.
 */
class EvolutionRegressionTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  private static final QualifiedName A = QualifiedName.of("a");
  private static final QualifiedName B = QualifiedName.of("b");
  private static final QualifiedName USER = QualifiedName.of("user");
  private static final QualifiedName C = new QualifiedName("s2", "c");

  static Stream<Arguments> counterexamples() {
    return Stream.of(
        Arguments.of("enum values swapped under a check listing them and a partial index comparing with one:"
            + " operator does not exist: mood <> mood__old (SchemaDiff)", Evolution.of(
                List.of(create(A, column("c1", "mood", true, 0), column("c2", "integer", true, 0))),
                List.of(new ConstraintEdits.AddCheck(A, "c1", Optional.empty(), 1),
                    new ConstraintEdits.AddIndex(A, List.of("c2"), false, 0, false),
                    new ConstraintEdits.AddIndex(A, List.of("c1"), false, 1, true)),
                List.of(new EnumEdits.SwapValues("mood", 0)),
                List.of(new EnumEdits.AddValue("mood", "meh", 0), new EnumEdits.RemoveValue("mood", 1)))),
        Arguments.of("hand-written expression indexes over an enum column meet its rebuilds: operator does not exist"
            + " (PostgresRenderer's DO blocks); one naming a removed value is dropped by hand first", Evolution.of(
                List.of(create(A, column("c1", "mood", true, 0), column("c2", "text", true, 0))),
                List.of(new ConstraintEdits.AddExpressionIndexByHand(A, "c1", false),
                    new ConstraintEdits.AddExpressionIndexByHand(A, "c2", true)),
                List.of(new EnumEdits.SwapValues("mood", 0), new ColumnEdits.RenameColumn(A, "c2", "order")),
                List.of(new TableEdits.MoveTable(A)),
                List.of(new EnumEdits.RemoveValue("mood", 0)),
                List.of(new EnumEdits.AddValue("mood", "meh", 0), new EnumEdits.SwapValues("mood", 0)))),
        Arguments.of("a table moved and renamed where its old name and its key's name were taken: relation \"c_pkey\""
            + " already exists (SchemaDiff)", Evolution.of(
                List.of(new TableEdits.CreateTable(B, "smallint", true, List.of(column("c2", "timestamptz", true, 0),
                        column("c1", "boolean", true, 0)), Optional.empty()),
                    new TableEdits.CreateTable(C, "integer", false, List.of(column("c3", "integer", true, 0),
                        column("c1", "real", true, 0)), Optional.of("c3"))),
                List.of(new TableEdits.MoveTable(C)),
                List.of(new TableEdits.RenameTable(B, C)),
                List.of(new TableEdits.RenameTable(C, A)))),
        Arguments.of("a table moved to another schema and back keeps its rows (processor: @RenamedFrom across schemas)",
            Evolution.of(
                List.of(create(A, column("c1", "text", true, 0)), create(B, column("c1", "integer", false, 1))),
                List.of(new ConstraintEdits.AddForeignKey(B, A, ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION),
                    new TableEdits.MoveTable(A)),
                List.of(new TableEdits.MoveTable(new QualifiedName("s2", "a")), new TableEdits.MoveTable(B)))),
        Arguments.of("negative default: the catalog prints -1 as '-1'::integer (introspect.Expressions)", Evolution.of(
            List.of(create(B)),
            List.of(new ColumnEdits.AddColumn(B, column("c1", "integer", true, 2))))),
        Arguments.of("enum value removed that a changed default named: the rebuild set the old default (SchemaDiff)",
            Evolution.of(
                List.of(create(USER, column("c1", "real", true, 0))),
                List.of(new ColumnEdits.AddColumn(USER, column("Mixed", "mood", true, 0))),
                List.of(new EnumEdits.AddValue("mood", "meh", 1)),
                List.of(new EnumEdits.RemoveValue("mood", 3)))),
        Arguments.of("a nullable column made identity: PostgreSQL wants NOT NULL first (SchemaDiff)", Evolution.of(
            List.of(create(A, column("c2", "integer", true, 2))),
            List.of(new ColumnEdits.SetIdentity(A, "c2", true)))),
        Arguments.of("an enum value renamed and another added next to it: added before the rename ran (SchemaDiff)",
            Evolution.of(
                List.of(create(USER, column("c3", "s2.tier", false, 0))),
                List.of(new EnumEdits.RenameValue("s2.tier", 3, "angry"), new EnumEdits.AddValue("s2.tier", "meh", 1)))),
        Arguments.of("an enum value renamed and a new one taking its old name: IF NOT EXISTS skipped it (SchemaDiff)",
            Evolution.of(
                List.of(create(USER, column("c3", "s2.tier", false, 0))),
                List.of(new EnumEdits.RenameValue("s2.tier", 1, "angry"), new EnumEdits.AddValue("s2.tier", "high", 3)))),
        Arguments.of("a date literal in a check on a timestamptz: the catalog prints it in full (LiveSchemas, Deparser)",
            Evolution.of(
                List.of(new TableEdits.CreateTable(new QualifiedName("s2", "c"), "integer", false,
                    List.of(column("c1", "timestamptz", false, -1), column("order", "bigint", true, 0)), Optional.of("order"))),
                List.of(new ConstraintEdits.AddCheck(new QualifiedName("s2", "c"), "c1", Optional.empty(), 0)))),
        Arguments.of("IN, NOT IN and BETWEEN in checks and predicates: rewritten by the catalog (LiveSchemas, Deparser)",
            Evolution.of(
                List.of(create(A, column("c1", "varchar(10)", true, 1), column("c2", "integer", true, -1),
                    column("c3", "timestamp", true, 0))),
                List.of(new ConstraintEdits.AddCheck(A, "c1", Optional.empty(), 1),
                    new ConstraintEdits.AddCheck(A, "c2", Optional.empty(), 1),
                    new ConstraintEdits.AddCheck(A, "c3", Optional.empty(), 1)),
                List.of(new ConstraintEdits.AddIndex(A, List.of("c1"), false, 0, true),
                    new ConstraintEdits.AddIndex(A, List.of("c3"), false, 0, true)))),
        Arguments.of("a composite key widened from integer to numeric with its foreign key: cannot be kept (SchemaDiff)",
            Evolution.of(
                List.of(create(B, column("c1", "double precision", true, 0)),
                    new TableEdits.CreateTable(C, "integer", true, List.of(column("c2", "integer", false, 1),
                        column("c1", "smallint", false, 0)), Optional.of("c2"))),
                List.of(new ConstraintEdits.AddForeignKey(B, C, ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION)),
                List.of(new ColumnEdits.WidenColumn(C, "c2", 1)))),
        Arguments.of("a table renamed and its check dropped: the drop named the new table, before the rename (SchemaDiff)",
            Evolution.of(
                List.of(create(A, column("c1", "integer", true, -1))),
                List.of(new ConstraintEdits.AddCheck(A, "c1", Optional.empty(), 0)),
                List.of(new TableEdits.RenameTable(A, B), new ConstraintEdits.DropCheck(B, 0)))),
        Arguments.of("a table moved to another schema and its index dropped: same (SchemaDiff)", Evolution.of(
            List.of(create(A, column("c1", "integer", true, -1))),
            List.of(new ConstraintEdits.AddIndex(A, List.of("c1"), false, 0, false)),
            List.of(new TableEdits.RenameTable(A, C), new ConstraintEdits.DropIndex(C, 0)))),
        Arguments.of("a column dropped and another renamed into its name: the rename was skipped, data lost (SchemaDiff)",
            Evolution.of(
                List.of(create(A, column("c1", "integer", true, -1), column("c2", "text", true, -1))),
                List.of(new ColumnEdits.DropColumn(A, "c1"), new ColumnEdits.RenameColumn(A, "c2", "c1")))),
        Arguments.of("a column dropped, a new one added and renamed into its name: the generator's drop + add was the"
            + " processor's type change jsonb -> integer (seed 7976306501145; the rename no longer fits, as AddColumn)",
            Evolution.of(
                List.of(new TableEdits.CreateTable(B, "bigint", true, List.of(column("c2", "jsonb", true, 0),
                    column("order", "smallint", false, 0)), Optional.of("order"))),
                List.of(new ColumnEdits.DropColumn(B, "c2"), new ColumnEdits.AddColumn(B, column("c3", "integer", false, 0)),
                    new ColumnEdits.RenameColumn(B, "c3", "c2")))),
        Arguments.of("a table dropped and another renamed into its name: same (SchemaDiff)", Evolution.of(
            List.of(create(A, column("c1", "integer", true, -1)), create(B, column("c2", "text", true, -1))),
            List.of(new TableEdits.DropTable(A), new TableEdits.RenameTable(B, A)))),
        Arguments.of("columns renamed in a shift (c1 to c3, c2 to c1): renamed in name order, one skipped (SchemaDiff)",
            Evolution.of(
                List.of(create(A, column("c1", "integer", true, -1), column("c2", "text", true, -1))),
                List.of(new ColumnEdits.RenameColumn(A, "c1", "c3"), new ColumnEdits.RenameColumn(A, "c2", "c1")))),
        Arguments.of("tables renamed in a shift (b to user, a to b), keys shifting with them (SchemaDiff)", Evolution.of(
            List.of(create(A, column("c1", "integer", true, -1)), create(B, column("c2", "text", true, -1))),
            List.of(new TableEdits.RenameTable(B, USER), new TableEdits.RenameTable(A, B)))),
        Arguments.of("columns swapped (c1 and c2): a cycle, through a temporary name (SchemaDiff)", Evolution.of(
            List.of(create(A, column("c1", "integer", true, -1), column("c2", "integer", true, -1))),
            List.of(new ColumnEdits.RenameColumn(A, "c1", "c3"), new ColumnEdits.RenameColumn(A, "c2", "c1"),
                new ColumnEdits.RenameColumn(A, "c3", "c2")))),
        Arguments.of("timestamp widened to timestamptz under a partial index: not immutable, refused (SchemaDiff)",
            Evolution.of(
                List.of(create(B, column("c1", "timestamp", false, 2))),
                List.of(new ConstraintEdits.AddIndex(B, List.of("c1"), false, 0, true)),
                List.of(new ColumnEdits.WidenColumn(B, "c1", 3)))),
        Arguments.of("a table dropped while the key its foreign key references changes: the key could not go (SchemaDiff)",
            Evolution.of(
                List.of(new TableEdits.CreateTable(A, "integer", false, List.of(column("c1", "numeric", true, 1),
                        column("c2", "smallint", true, 0)), Optional.of("c1")),
                    create(C, column("c1", "numeric(8,2)", true, 0))),
                List.of(new ConstraintEdits.AddForeignKey(C, A, ForeignKey.Action.CASCADE, ForeignKey.Action.RESTRICT)),
                List.of(new TableEdits.DropTable(C), new ConstraintEdits.ChangePrimaryKey(A, true, Optional.empty())))),
        Arguments.of("a new table's unique constraint on its key columns: CREATE TABLE merged it away (PostgresRenderer)",
            Evolution.of(
                List.of(new TableEdits.CreateTable(USER, "bigint", true, List.of(), Optional.empty()),
                    new ConstraintEdits.AddUnique(USER, List.of("id"))))),
        Arguments.of("distinct keys and NOT NULL prepared together: the fill named rows by a key just changed (Backfills)",
            Evolution.of(
                List.of(new TableEdits.CreateTable(A, "integer", true, List.of(column("order", "varchar(40)", true, -1),
                        column("c2", "integer", true, 0), column("c1", "numeric(8,2)", true, 0)), Optional.of("order")),
                    new TableEdits.CreateTable(B, "integer", false, List.of(column("c1", "smallint", true, 0)),
                        Optional.of("c1")),
                    new TableEdits.CreateTable(USER, "integer", false, List.of(column("c2", "mood[]", false, 0),
                        column("c3", "real", true, 0), column("c1", "timestamp", true, 0)), Optional.of("c3"))),
                List.of(new ConstraintEdits.AddIndex(USER, List.of("id"), true, 0, false),
                    new ColumnEdits.SetNullable(USER, "c1", false)))),
        Arguments.of("enum values swapped while another table gains a column of it: the column was on the old type (SchemaDiff)",
            Evolution.of(
                List.of(new TableEdits.CreateTable(USER, "bigint", false, List.of(column("Mixed", "mood[]", true, 0),
                        column("c1", "numeric(10,2)", true, 1)), Optional.of("c1")),
                    new TableEdits.CreateTable(C, "smallint", false, List.of(column("c2", "date", false, 0),
                        column("c3", "varchar(40)", true, 0)), Optional.of("c3"))),
                List.of(new EnumEdits.SwapValues("mood", 0), new ColumnEdits.AddColumn(C, column("c1", "mood", false, 0))))),
        Arguments.of("timestamp widened to timestamptz under a BETWEEN check: PostgreSQL kept timestamp constants (SchemaDiff)",
            Evolution.of(
                List.of(new TableEdits.CreateTable(USER, "smallint", false, List.of(column("c1", "date", true, 1),
                    column("Mixed", "numeric(8,2)", true, 1), column("order", "timestamp", true, 0),
                    column("c2", "boolean", true, 0)), Optional.of("Mixed"))),
                List.of(new ConstraintEdits.AddCheck(USER, "order", Optional.empty(), 1)),
                List.of(new ColumnEdits.WidenColumn(USER, "order", 1)))),
        Arguments.of("a unique index on a column made identity: its old values repeat, the backfill skipped it (Backfills)",
            Evolution.of(
                List.of(new TableEdits.CreateTable(USER, "smallint", false, List.of(column("c2", "numeric", false, -1),
                        column("Mixed", "timestamp", true, -1), column("c1", "text[]", true, 1)), Optional.empty()),
                    new TableEdits.CreateTable(C, "bigint", true, List.of(column("c2", "smallint", false, 0),
                        column("c1", "text[]", true, 0)), Optional.empty())),
                List.of(new ColumnEdits.RenameColumn(C, "c1", "order")),
                List.of(new ColumnEdits.AddColumn(USER, column("order", "integer", false, 1))),
                List.of(new ColumnEdits.SetIdentity(USER, "order", true)),
                List.of(new ConstraintEdits.AddIndex(USER, List.of("order"), true, 0, false)))),
        Arguments.of("a unique index on a referenced identity key: the backfill changed keys a foreign key restricts (Backfills)",
            Evolution.of(
                List.of(new TableEdits.CreateTable(A, "smallint", true, List.of(column("c2", "timestamp", false, 2),
                        column("c3", "integer", false, 2), column("Mixed", "timestamp", true, 2),
                        column("order", "smallint", true, -1)), Optional.of("c2")),
                    new TableEdits.CreateTable(USER, "smallint", false, List.of(column("c1", "jsonb", false, 0),
                        column("c2", "uuid", true, 0)), Optional.empty())),
                List.of(new ConstraintEdits.AddForeignKey(USER, A, ForeignKey.Action.NO_ACTION, ForeignKey.Action.RESTRICT)),
                List.of(new ConstraintEdits.AddIndex(A, List.of("id"), true, 0, true)))),
        Arguments.of("a unique index over a referenced key: the backfill changed rows that were distinct (Backfills)",
            Evolution.of(
                List.of(new TableEdits.CreateTable(A, "smallint", true, List.of(column("c2", "timestamptz", true, 1),
                        column("order", "varchar(10)", false, 0)), Optional.empty()),
                    new TableEdits.CreateTable(C, "integer", false, List.of(column("c2", "numeric(10,2)", true, -1)),
                        Optional.empty())),
                List.of(new ConstraintEdits.AddForeignKey(A, C, ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION)),
                List.of(new ConstraintEdits.ChangePrimaryKey(C, false, Optional.empty()),
                    new ConstraintEdits.AddIndex(C, List.of("id", "c2"), true, 0, true)))),
        Arguments.of("a unique index on a column that rows fill from its default (42): a later new row wrote 42 again (Rows)",
            Evolution.of(
                List.of(new TableEdits.CreateTable(A, "integer", false, List.of(column("c2", "smallint", true, 0),
                        column("c1", "integer", true, 0)), Optional.of("c2")),
                    new TableEdits.CreateTable(B, "bigint", false, List.of(column("order", "jsonb", false, 0),
                        column("c1", "smallint", false, 0)), Optional.of("c1")),
                    new TableEdits.CreateTable(USER, "integer", false, List.of(column("c1", "mood", true, 0)),
                        Optional.empty()),
                    new TableEdits.CreateTable(C, "integer", false, List.of(column("c2", "text", true, 0),
                        column("c1", "bigint", true, 0)), Optional.of("c2"))),
                List.of(new ColumnEdits.AddColumn(USER, column("c2", "smallint", true, 0))),
                List.of(new ConstraintEdits.AddForeignKey(USER, C, ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION)),
                List.of(new ColumnEdits.WidenColumn(A, "c1", 1)),
                List.of(new ColumnEdits.AddColumn(USER, column("order", "integer", false, 1))),
                List.of(new ConstraintEdits.AddForeignKey(A, A, ForeignKey.Action.NO_ACTION, ForeignKey.Action.SET_NULL)),
                List.of(new ColumnEdits.AddColumn(A, column("order", "smallint", true, 2))),
                List.of(new ConstraintEdits.AddIndex(USER, List.of("order"), true, 0, false)),
                List.of(new ColumnEdits.AddColumn(USER, column("c3", "numeric(8,2)", true, 0))),
                List.of(new ColumnEdits.WidenColumn(C, "c1", 3)))),
        Arguments.of("a table moved back to its schema, where a new table took its old name: the identity sequence "
            + "it took along (c_id_seq) was there already (PostgresRenderer)",
            Evolution.of(
                List.of(new TableEdits.CreateTable(C, "smallint", true, List.of(column("c2", "timestamp", false, 1),
                    column("c1", "date", false, 1), column("order", "varchar(10)", false, 2)), Optional.of("order"))),
                List.of(new TableEdits.RenameTable(C, USER)),
                List.of(new TableEdits.CreateTable(C, "smallint", true, List.of(column("Mixed", "numeric(8,2)", true, -1),
                    column("c3", "uuid", true, 0), column("order", "boolean", true, -1)), Optional.of("c3"))),
                List.of(new TableEdits.MoveTable(USER)))),
        Arguments.of("an identity key that stops being one and widens to numeric: the type changed first (SchemaDiff)",
            Evolution.of(
                List.of(new TableEdits.CreateTable(A, "integer", true, List.of(column("c2", "bit varying(8)", true, 0),
                    column("c3", "numeric(10,2)[]", false, 0), column("c1", "timestamp", true, 1)), Optional.empty())),
                List.of(new ColumnEdits.WidenColumn(A, "id", 3)),
                List.of(new ColumnEdits.SetIdentity(A, "id", false), new ColumnEdits.WidenColumn(A, "id", 0)))),
        Arguments.of("a dropped table that rows of another referenced, reverted: the reverse validated the foreign key"
            + " it added again, failing after its first file had committed (seed 10723858025891; ReverseScript)",
            Evolution.of(
                List.of(new TableEdits.CreateTable(A, "integer", true, List.of(column("c2", "bigint", false, 1),
                        column("order", "text", false, 0)), Optional.empty()),
                    new TableEdits.CreateTable(B, "integer", true, List.of(column("c1", "text", false, 0),
                        column("order", "varchar(40)", false, 0)), Optional.of("order"))),
                List.of(new ConstraintEdits.AddForeignKey(B, A, ForeignKey.Action.SET_DEFAULT, ForeignKey.Action.SET_NULL)),
                List.of(new TableEdits.DropTable(A)))),
        Arguments.of("a dropped column under a unique constraint, reverted: it came back holding its default in every"
            + " row, and the unique index built CONCURRENTLY after the main file failed half-way (seed 590065126677;"
            + " ReverseRows)",
            Evolution.of(
                List.of(new TableEdits.CreateTable(A, "integer", false, List.of(column("c2", "bigint", true, 2),
                    column("c1", "smallint", true, 0)), Optional.of("c1"))),
                List.of(new ConstraintEdits.AddUnique(A, List.of("c2"))),
                List.of(new ColumnEdits.RenameColumn(A, "c2", "order")),
                List.of(new ColumnEdits.DropColumn(A, "order")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("counterexamples")
  void staysFixed(String bug, Evolution evolution) throws Exception {
    new EvolutionRunner(database).run(evolution);
  }

  // ---- a small vocabulary, so cases read like the shrunk output

  static Edit create(QualifiedName table, Edit.ColumnSpec... columns) {
    return new TableEdits.CreateTable(table, "integer", false, List.of(columns), Optional.empty());
  }

  static Edit.ColumnSpec column(String name, String type, boolean nullable, int defaultPick) {
    return new Edit.ColumnSpec(name, type, nullable, defaultPick);
  }
}
