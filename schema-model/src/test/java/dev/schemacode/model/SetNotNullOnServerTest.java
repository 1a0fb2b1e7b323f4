package dev.schemacode.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schemacode.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The safe {@code SET NOT NULL} as generated, file by file, on the real server: it leaves no check
 * behind, and on PostgreSQL 18, which keeps NOT NULL constraints in {@code pg_constraint} under the
 * name {@code <table>_<column>_not_null}, the constraint gets exactly that name, as a table created
 * with the column NOT NULL has it (with a temporary check of that name it became {@code …_not_null1}).
 */
class SetNotNullOnServerTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @Test
  void theConstraintIsNamedAsPostgresqlNamesItAndNoCheckRemains() throws SQLException {
    QualifiedName name = QualifiedName.of("account");
    Schema before = new Schema(List.of(), List.of(new Table(name, List.of(Column.optional("email", "text")), Optional.empty())));
    Schema after = new Schema(List.of(), List.of(new Table(name, List.of(Column.required("email", "text")), Optional.empty())));
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE account (email text); INSERT INTO account VALUES ('a@example.com')");
      for (MigrationScript.File file : MigrationScript.plan(2, "require", SchemaDiff.between(before, after).changes(), "5s")) {
        statement.execute(file.script());
      }
      List<String> constraints = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery(
          "SELECT conname || ' ' || contype::text FROM pg_constraint WHERE conrelid = 'account'::regclass ORDER BY 1")) {
        while (rows.next()) {
          constraints.add(rows.getString(1));
        }
      }
      assertEquals(database.serverMajorVersion() >= 18 ? List.of("account_email_not_null n") : List.of(), constraints);
    }
  }
}
