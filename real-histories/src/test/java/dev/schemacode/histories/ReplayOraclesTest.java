package dev.schemacode.histories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The replays' own checks catch what they are there to catch: a replay that passes must mean something. */
class ReplayOraclesTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  private static final String SCHEMA = "CREATE TYPE mood AS ENUM ('happy', 'sad');"
      + " CREATE TABLE parent (id uuid PRIMARY KEY, name varchar(20) NOT NULL DEFAULT 'x', at timestamptz(3));"
      + " CREATE TABLE child (id integer PRIMARY KEY, parent_id uuid REFERENCES parent (id) ON DELETE CASCADE,"
      + "   mood mood, doc jsonb, code char(2), amount numeric(10,2));"
      + " CREATE UNIQUE INDEX child_code_key ON child (code);";

  @Test
  void theCatalogSeesEveryKindOfDifference() throws SQLException {
    List<String> base = catalogAfter(SCHEMA);
    assertTrue(base.contains("column parent.at timestamp(3) with time zone NULL"), String.join("\n", base));
    for (String change : List.of(
        "ALTER TABLE parent ALTER COLUMN name TYPE varchar(21)",
        "ALTER TABLE parent ALTER COLUMN name DROP DEFAULT",
        "ALTER TABLE parent ALTER COLUMN at TYPE timestamptz(6)",
        "ALTER TABLE child ALTER COLUMN code SET NOT NULL",
        "ALTER TABLE child DROP CONSTRAINT child_parent_id_fkey;"
            + " ALTER TABLE child ADD FOREIGN KEY (parent_id) REFERENCES parent (id)",
        "ALTER TABLE child ADD CONSTRAINT positive CHECK (amount > 0) NOT VALID",
        "DROP INDEX child_code_key; CREATE INDEX child_code_key ON child (code)",
        "ALTER TYPE mood ADD VALUE 'meh'",
        "ALTER INDEX child_code_key RENAME TO child_code_idx",
        "COMMENT ON COLUMN child.doc IS 'the document'")) {
      assertTrue(!base.equals(catalogAfter(SCHEMA + change)), "the catalog does not see: " + change);
    }
    assertEquals(base, catalogAfter(SCHEMA), "the same SQL reads the same");
  }

  @Test
  void rowsAreFollowedThroughRenamesAndTypeChangesAndALostOneIsNamed() throws SQLException {
    Rows rows = new Rows();
    try (Connection connection = fresh(SCHEMA)) {
      rows.insertOneEach(connection);
      rows.insertOneEach(connection);
      Rows.Snapshot before = rows.snapshot(connection);
      try (Statement statement = connection.createStatement()) {
        statement.execute("ALTER TABLE child RENAME COLUMN code TO country;"
            + " ALTER TABLE parent ALTER COLUMN at TYPE timestamp(3);"
            + " ALTER TABLE child ALTER COLUMN amount TYPE numeric(12,3)");
      }
      Renames renames = Renames.of("child.code -> country");
      assertEquals(List.of(), Rows.differences(connection, before, rows.snapshot(connection), renames, Set.of()));

      try (Statement statement = connection.createStatement()) {
        statement.execute("UPDATE child SET doc = '{\"changed\": true}' WHERE id = (SELECT min(id) FROM child)");
      }
      List<String> lost = Rows.differences(connection, before, rows.snapshot(connection), renames, Set.of());
      assertEquals(2, lost.size(), String.valueOf(lost)); // the old row gone, the changed one appeared
      assertTrue(lost.get(0).startsWith("child: row ") && lost.get(0).endsWith(" is gone"), lost.get(0));
      assertEquals(List.of(),
          Rows.differences(connection, before, rows.snapshot(connection), renames, Set.of("child.doc")),
          "a column a backfill fills on purpose is not compared");
    }
  }

  private static List<String> catalogAfter(String sql) throws SQLException {
    try (Connection connection = fresh(sql)) {
      return Catalog.read(connection);
    }
  }

  /** The test database with only {@code sql} in its public schema. */
  private static Connection fresh(String sql) throws SQLException {
    Connection connection = database.connect();
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public; " + sql);
    }
    return connection;
  }
}
