package dev.schemacode.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A table checks that what its keys, constraints and indexes name exists, and keeps them sorted by name. */
class TableTest {
  private static final QualifiedName NAME = new QualifiedName("", "parcel");
  private static final List<Column> COLUMNS = List.of(new Column("id", "bigint", false, true),
      new Column("code", "text", false, false), new Column("weight", "integer", true, false));
  private static final Optional<PrimaryKey> KEY = Optional.of(new PrimaryKey("parcel_pkey", List.of("id")));

  static Stream<Arguments> inconsistentTables() {
    return Stream.of(
        Arguments.of("two columns of one name", (Runnable) () -> new Table(NAME,
            List.of(new Column("id", "bigint", false, false), new Column("id", "text", false, false)), Optional.empty()),
            "table parcel has two columns named id"),
        Arguments.of("a key on an unknown column", (Runnable) () -> new Table(NAME, COLUMNS,
            Optional.of(new PrimaryKey("parcel_pkey", List.of("nope")))),
            "primary key of parcel names unknown column nope"),
        Arguments.of("a unique constraint on an unknown column", (Runnable) () -> table(
            List.of(new UniqueConstraint("parcel_nope_key", List.of("nope"))), List.of(), List.of(), List.of()),
            "unique constraint parcel_nope_key of parcel names unknown column nope"),
        Arguments.of("a foreign key from an unknown column", (Runnable) () -> table(List.of(),
            List.of(foreignKey("parcel_nope_fkey", "nope")), List.of(), List.of()),
            "foreign key parcel_nope_fkey of parcel names unknown column nope"),
        Arguments.of("an index on an unknown column", (Runnable) () -> table(List.of(), List.of(), List.of(),
            List.of(new Index("parcel_nope_idx", List.of("code", "nope"), false, "btree", Optional.empty()))),
            "index parcel_nope_idx of parcel names unknown column nope"),
        Arguments.of("a unique constraint named as the key", (Runnable) () -> table(
            List.of(new UniqueConstraint("parcel_pkey", List.of("code"))), List.of(), List.of(), List.of()),
            "table parcel has two constraints named parcel_pkey"),
        Arguments.of("a check named as a foreign key", (Runnable) () -> table(List.of(),
            List.of(foreignKey("parcel_rule", "weight")), List.of(new CheckConstraint("parcel_rule", "weight > 0")),
            List.of()),
            "table parcel has two constraints named parcel_rule"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inconsistentTables")
  void refuses(String what, Runnable construct, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, construct::run).getMessage());
  }

  @Test
  void anExpressionIndexNeedsNoColumnOfItsName() {
    Index lower = new Index("parcel_lower_idx", List.of("(lower(code))", "weight"), false, "btree", Optional.empty());
    assertEquals(List.of(lower), table(List.of(), List.of(), List.of(), List.of(lower)).indexes());
  }

  @Test
  void keepsConstraintsAndIndexesSortedByNameWhateverTheOrderGiven() {
    UniqueConstraint b = new UniqueConstraint("b_key", List.of("code"));
    UniqueConstraint a = new UniqueConstraint("a_key", List.of("weight"));
    CheckConstraint y = new CheckConstraint("y_check", "weight > 0");
    CheckConstraint x = new CheckConstraint("x_check", "weight < 9");
    Index second = new Index("z_idx", List.of("code"), false, "btree", Optional.empty());
    Index first = new Index("c_idx", List.of("weight"), false, "btree", Optional.empty());
    ForeignKey later = foreignKey("q_fkey", "weight");
    ForeignKey earlier = foreignKey("p_fkey", "code");

    Table table = table(List.of(b, a), List.of(later, earlier), List.of(y, x), List.of(second, first));

    assertEquals(List.of(a, b), table.uniques());
    assertEquals(List.of(earlier, later), table.foreignKeys());
    assertEquals(List.of(x, y), table.checks());
    assertEquals(List.of(first, second), table.indexes());
    assertEquals(table, table(List.of(a, b), List.of(earlier, later), List.of(x, y), List.of(first, second)));
    assertThrows(UnsupportedOperationException.class, () -> table.uniques().add(a));
    assertThrows(UnsupportedOperationException.class, () -> table.indexes().add(first));
  }

  @Test
  void findsAColumnByNameAndListsItsRelationNames() {
    Table table = table(List.of(new UniqueConstraint("parcel_code_key", List.of("code"))), List.of(), List.of(),
        List.of(new Index("parcel_weight_idx", List.of("weight"), false, "btree", Optional.empty())));
    assertEquals(Optional.of(COLUMNS.get(1)), table.column("code"));
    assertEquals(Optional.empty(), table.column("nope"));
    assertEquals(List.of("parcel", "parcel_pkey", "parcel_code_key", "parcel_weight_idx"), table.relationNames());
  }

  private static Table table(List<UniqueConstraint> uniques, List<ForeignKey> foreignKeys, List<CheckConstraint> checks,
      List<Index> indexes) {
    return new Table(NAME, COLUMNS, KEY, uniques, foreignKeys, checks, indexes, Optional.empty());
  }

  private static ForeignKey foreignKey(String name, String column) {
    return new ForeignKey(name, List.of(column), new QualifiedName("", "other"), List.of("id"),
        ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION);
  }
}
