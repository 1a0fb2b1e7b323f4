package dev.schemacode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-written migrations with the statements that psql's lexer keeps whole and a naive splitter
 * breaks, applied to a real PostgreSQL; and what the errors of such migrations say (issue 19).
 */
class ScriptsOnPostgresTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  @TempDir Path migrations;

  @BeforeEach
  void emptySchema() throws Exception {
    Queries.emptySchema(database);
  }

  private Migrator migrator() {
    return Migrator.builder().dataSource(database.dataSource()).migrations(MigrationSource.directory(migrations)).build();
  }

  @Test
  void sqlStandardFunctionBodiesApplyWhole() throws Exception {
    assumeTrue(database.serverMajorVersion() >= 14, "BEGIN ATOMIC needs PostgreSQL 14");
    Files.writeString(migrations.resolve("V0001__functions.sql"), """
        CREATE TABLE cp_test (a int, b text);
        CREATE FUNCTION parity(x int) RETURNS text
        LANGUAGE sql
        BEGIN ATOMIC
            SELECT CASE WHEN x % 2 = 0 THEN 'even' ELSE 'odd' END;
        END;
        CREATE OR REPLACE PROCEDURE record_twice(x int)
        LANGUAGE sql
        BEGIN ATOMIC
            INSERT INTO cp_test VALUES (x, parity(x));
            INSERT INTO cp_test VALUES (x + 1, parity(x + 1));
        END;
        CALL record_twice(4);
        """);
    migrator().migrate();
    assertEquals("4 even, 5 odd", Queries.text(database,
        "SELECT string_agg(a || ' ' || b, ', ' ORDER BY a) FROM cp_test"));
  }

  @Test
  void aRuleWithSeveralActionsAppliesWhole() throws Exception {
    Files.writeString(migrations.resolve("V0001__rules.sql"), """
        CREATE TABLE rules_src (f1 int, f2 int);
        CREATE TABLE rules_log (f1 int, f2 int, tag text);
        create rule r3 as on delete to rules_src do also
          (insert into rules_log values (old.f1, old.f2, 'old'); insert into rules_log values (old.f1, old.f2, 'old2'));
        INSERT INTO rules_src VALUES (1, 2);
        DELETE FROM rules_src;
        """);
    migrator().migrate();
    assertEquals("old,old2", Queries.text(database, "SELECT string_agg(tag, ',' ORDER BY tag) FROM rules_log"));
  }

  @Test
  void copyFromStdinIsRefusedBeforeAnythingRuns() throws Exception {
    Files.writeString(migrations.resolve("V0001__table.sql"), "CREATE TABLE t (a int);\n");
    Files.writeString(migrations.resolve("V0002__rows.sql"), "-- rows dumped by pg_dump\nCOPY t (a) FROM stdin;\n1\n2\n\\.\n");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> migrator().migrate());
    assertTrue(e.getMessage().contains("V0002__rows.sql, line 2: COPY t (a) FROM stdin"), e.getMessage());
    assertTrue(e.getMessage().contains("needs psql to send or receive its rows"), e.getMessage());
    assertEquals("f", Queries.text(database, "SELECT to_regclass('public.t') IS NOT NULL"), "nothing ran");
  }

  @Test
  void errorsShowPostgresDetailAndHint() throws Exception {
    Files.writeString(migrations.resolve("V0001__init.sql"), """
        CREATE TABLE account (id int PRIMARY KEY, email text);
        CREATE VIEW account_emails AS SELECT email FROM account;
        INSERT INTO account VALUES (1, 'a@example.com');
        """);
    migrator().migrate();
    Files.writeString(migrations.resolve("V0002__duplicate.sql"), "INSERT INTO account VALUES (1, 'b@example.com');\n");
    MigrationException duplicate = assertThrows(MigrationException.class, () -> migrator().migrate());
    assertTrue(duplicate.getMessage().contains("DETAIL: Key (id)=(1) already exists."), duplicate.getMessage());
    assertFalse(duplicate.getMessage().contains("\n"), duplicate.getMessage());

    Files.writeString(migrations.resolve("V0002__duplicate.sql"), "ALTER TABLE account DROP COLUMN email;\n");
    MigrationException dependent = assertThrows(MigrationException.class, () -> migrator().migrate());
    assertTrue(dependent.getMessage().contains("DETAIL: view account_emails depends on column email of table account"),
        dependent.getMessage());
    assertTrue(dependent.getMessage().contains("HINT: Use DROP ... CASCADE to drop the dependent objects too."),
        dependent.getMessage());
  }
}
