package dev.schemacode.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The snapshot/ledger file kept beside the migrations: every recorded migration in order, and the
 * full schema after the last of them. The processor diffs declarations against {@link #schema()};
 * the runtime uses {@link #migrations()} as the index of what to apply.
 */
public record Ledger(List<LedgerEntry> migrations, Schema schema, Map<QualifiedName, String> declaredBy,
    List<Checkpoint> checkpoints) {
  public static final String FILE_NAME = "schemacode-ledger.json";
  public static final Ledger EMPTY = new Ledger(List.of(), Schema.EMPTY);

  /**
   * @param declaredBy for each table, the Java class that declares it: lets a compilation that sees
   *     only some entities tell a table whose class was not compiled this time from one whose class
   *     is gone
   * @param checkpoints recorded checkpoints, oldest first
   */
  public Ledger {
    migrations = List.copyOf(migrations);
    Objects.requireNonNull(schema, "schema");
    declaredBy = Collections.unmodifiableMap(new TreeMap<>(declaredBy));
    checkpoints = List.copyOf(checkpoints);
  }

  public Ledger(List<LedgerEntry> migrations, Schema schema, Map<QualifiedName, String> declaredBy) {
    this(migrations, schema, declaredBy, List.of());
  }

  public Ledger(List<LedgerEntry> migrations, Schema schema) {
    this(migrations, schema, Map.of());
  }

  public Ledger withDeclaredBy(Map<QualifiedName, String> classes) {
    return new Ledger(migrations, schema, classes, checkpoints);
  }

  /** The hash of the whole history; empty for a ledger with no migrations. */
  public String head() {
    return migrations.isEmpty() ? "" : migrations.get(migrations.size() - 1).chain();
  }

  public long nextSequence() {
    return migrations.isEmpty() ? 1 : migrations.get(migrations.size() - 1).file().number() + 1;
  }

  public Optional<LedgerEntry> entry(String fileName) {
    return migrations.stream().filter(e -> e.file().fileName().equals(fileName)).findFirst();
  }

  /** This ledger with one more migration and the schema as it stands after it. */
  public Ledger append(MigrationFileName file, String checksum, LedgerEntry.Origin origin, Schema after) {
    List<LedgerEntry> next = new ArrayList<>(migrations);
    next.add(new LedgerEntry(file, checksum, origin, LedgerEntry.chain(head(), file, checksum)));
    return new Ledger(next, after, declaredBy, checkpoints);
  }

  /** This ledger with {@code reverse} recorded on the entry of {@code file}, which must be recorded. */
  public Ledger withReverse(MigrationFileName file, LedgerEntry.Reverse reverse) {
    List<LedgerEntry> next = new ArrayList<>(migrations);
    for (int i = 0; i < next.size(); i++) {
      if (next.get(i).file().equals(file)) {
        next.set(i, next.get(i).withReverse(reverse));
        return new Ledger(next, schema, declaredBy, checkpoints);
      }
    }
    throw new IllegalArgumentException(file + " is not recorded");
  }

  /** This ledger with one more checkpoint, which must be newer than the others. */
  public Ledger withCheckpoint(Checkpoint checkpoint) {
    if (!checkpoints.isEmpty() && checkpoints.get(checkpoints.size() - 1).number() >= checkpoint.number()) {
      throw new IllegalArgumentException("a checkpoint at " + checkpoint.version() + " is not newer than the last one");
    }
    List<Checkpoint> next = new ArrayList<>(checkpoints);
    next.add(checkpoint);
    return new Ledger(migrations, schema, declaredBy, next);
  }

  /** The newest checkpoint, if any. */
  public Optional<Checkpoint> newestCheckpoint() {
    return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
  }

  /**
   * Entries whose chain hash does not follow from the ones before: the file was edited by hand or
   * merged from two branches.
   */
  public List<LedgerEntry> brokenChain() {
    List<LedgerEntry> broken = new ArrayList<>();
    String previous = "";
    for (LedgerEntry entry : migrations) {
      if (!entry.chain().equals(LedgerEntry.chain(previous, entry.file(), entry.checksum()))) {
        broken.add(entry);
      }
      previous = entry.chain();
    }
    return broken;
  }
}
