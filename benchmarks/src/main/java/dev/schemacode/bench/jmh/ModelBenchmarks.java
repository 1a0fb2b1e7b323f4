package dev.schemacode.bench.jmh;

import dev.schemacode.model.Checksums;
import dev.schemacode.model.Column;
import dev.schemacode.model.ForeignKey;
import dev.schemacode.model.Index;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.MigrationFileName;
import dev.schemacode.model.MigrationScript;
import dev.schemacode.model.PrimaryKey;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Schema;
import dev.schemacode.model.SchemaChange;
import dev.schemacode.model.SchemaDiff;
import dev.schemacode.model.Table;
import dev.schemacode.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Micro-benchmarks of what the processor and runtime do in memory, on a 500-table schema shaped
 * like the processor benchmark's entities: the differ (nothing changed, one column added), the
 * renderer (the 500-table first migration), the checksum (of one migration and of that whole
 * first migration), and the ledger codec (what a build reads and writes every time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ModelBenchmarks {
  public static final int TABLES = 500;

  Schema schema;
  Schema copy;
  Schema changed;
  List<SchemaChange> create;
  String initScript;
  String migration;
  Ledger ledger;
  String ledgerJson;

  @Setup
  public void setUp() {
    schema = schema(TABLES, false);
    copy = schema(TABLES, false);
    changed = schema(TABLES, true);
    create = SchemaDiff.between(Schema.EMPTY, schema).changes();
    initScript = MigrationScript.plan(1, "init", create, MigrationScript.DEFAULT_LOCK_TIMEOUT).get(0).script();
    migration = MigrationScript.plan(2, "add", SchemaDiff.between(schema, changed).changes(),
        MigrationScript.DEFAULT_LOCK_TIMEOUT).get(0).script();
    ledger = Ledger.EMPTY.append(MigrationFileName.of(1, "init"), Checksums.ofScript(initScript),
        LedgerEntry.Origin.GENERATED, schema);
    ledgerJson = LedgerCodec.write(ledger);
  }

  static Schema schema(int tables, boolean changed) {
    List<Table> list = new ArrayList<>();
    for (int i = 1; i <= tables; i++) {
      String name = String.format(Locale.ROOT, "e%04d", i);
      List<Column> columns = new ArrayList<>(List.of(Column.identity("id", "bigint"), Column.required("code", "varchar(64)"),
          Column.required("created_at", "timestamptz")));
      List<ForeignKey> foreignKeys = new ArrayList<>();
      if (i > 1) {
        columns.add(Column.required("parent_id", "bigint"));
        foreignKeys.add(new ForeignKey(name + "_parent_id_fkey", List.of("parent_id"),
            new QualifiedName("", String.format(Locale.ROOT, "e%04d", i - 1)), List.of("id"), ForeignKey.Action.NO_ACTION,
            ForeignKey.Action.NO_ACTION));
      }
      int target = 10 + (i * 7) % 11;
      String[] types = {"text", "integer", "numeric(12,2)", "boolean", "date", "uuid", "timestamptz", "bigint", "double precision"};
      for (int c = 0; columns.size() < target; c++) {
        columns.add(c % 2 == 0 ? Column.optional("c" + c, types[c % types.length]) : Column.required("c" + c, types[c % types.length]));
      }
      if (changed && i == tables / 2) {
        columns.add(Column.optional("added_note", "text"));
      }
      list.add(new Table(new QualifiedName("", name), columns, Optional.of(PrimaryKey.defaultFor(name, List.of("id"))),
          List.of(new UniqueConstraint(name + "_code_key", List.of("code"))), foreignKeys, List.of(),
          List.of(new Index(name + "_code_created_at_idx", List.of("code", "created_at"), false, Index.DEFAULT_METHOD,
              Optional.empty())), Optional.empty()));
    }
    return new Schema(List.of(), list);
  }

  @Benchmark
  public SchemaDiff diffNothingChanged() {
    return SchemaDiff.between(schema, copy);
  }

  @Benchmark
  public SchemaDiff diffOneColumnAdded() {
    return SchemaDiff.between(schema, changed);
  }

  @Benchmark
  public List<MigrationScript.File> renderFirstMigration() {
    return MigrationScript.plan(1, "init", create, MigrationScript.DEFAULT_LOCK_TIMEOUT);
  }

  @Benchmark
  public String checksumOneMigration() {
    return Checksums.ofScript(migration);
  }

  @Benchmark
  public String checksumFirstMigration() {
    return Checksums.ofScript(initScript);
  }

  @Benchmark
  public Ledger ledgerRead() {
    return LedgerCodec.read(ledgerJson, "bench");
  }

  @Benchmark
  public String ledgerWrite() {
    return LedgerCodec.write(ledger);
  }
}
