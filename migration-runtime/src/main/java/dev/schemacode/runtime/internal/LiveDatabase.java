package dev.schemacode.runtime.internal;

import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.Renames;
import dev.schemacode.model.Schema;
import dev.schemacode.model.SchemaDiff;
import dev.schemacode.model.introspect.LiveSchemas;
import dev.schemacode.model.introspect.PostgresIntrospector;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.runtime.ResolvedMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The live database as {@code diff} reads it, compared with a schema: the runtime's own tables left
 * out, and so is what recorded hand-written migrations create (the ledger's schema does not hold it).
 */
final class LiveDatabase {
  private LiveDatabase() {}

  /**
   * The changes that would turn the live database into {@code target}, renaming where {@code
   * renames} says and the live database still has the old name.
   */
  static SchemaDiff against(Connection connection, String historyTable, Schema target, Renames renames,
      Optional<Ledger> ledger, List<ResolvedMigration> resolved) throws SQLException {
    Set<String> schemas = new TreeSet<>(target.schemaNames());
    ledger.ifPresent(recorded -> schemas.addAll(recorded.schema().schemaNames()));
    HandWrittenObjects handWritten = HandWrittenObjects.in(resolved.stream()
        .filter(migration -> ledger.flatMap(recorded -> recorded.entry(migration.file().fileName()))
            .filter(entry -> entry.origin() == LedgerEntry.Origin.HAND_WRITTEN).isPresent())
        .map(ResolvedMigration::script).toList());
    Set<String> excluded = new TreeSet<>(Migrator.runtimeTables(historyTable));
    PostgresIntrospector introspector = new PostgresIntrospector(connection, excluded);
    Schema live = handWritten.removeFrom(introspector.read(schemas), target);
    return LiveSchemas.drift(live, target, renames, introspector.deparser());
  }
}
