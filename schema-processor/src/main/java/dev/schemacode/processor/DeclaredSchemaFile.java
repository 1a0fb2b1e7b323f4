package dev.schemacode.processor;

import dev.schemacode.model.DeclaredSchema;
import dev.schemacode.model.DeclaredSchemaCodec;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Renames;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * {@link DeclaredSchema#FILE_NAME} in the class output, beside the shipped ledger: written on every
 * build that has no errors, for {@code schemacode push}; and read back at the start of the next
 * build, whose partial compilations (an IDE compiling one changed file) take the tables of the
 * classes they do not see from it rather than from the ledger, since after a build in push mode the
 * ledger no longer holds the latest declarations.
 */
final class DeclaredSchemaFile {
  private final Filer filer;
  private final MigrationsLocation location;
  private final Reporter reporter;

  DeclaredSchemaFile(Filer filer, MigrationsLocation location, Reporter reporter) {
    this.filer = filer;
    this.location = location;
    this.reporter = reporter;
  }

  /**
   * What the previous build declared, when it read the same ledger (same head): otherwise the
   * ledger moved since (a pull, a migration generated), and it is the better base.
   */
  Optional<DeclaredSchema> previous(Ledger recorded) {
    String resource = location.resource(DeclaredSchema.FILE_NAME);
    String text;
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", resource);
      try (InputStream in = file.openInputStream()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (FileNotFoundException | NoSuchFileException e) {
      return Optional.empty(); // a clean build
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      // an in-memory class output (tests, some IDEs) has nothing to read back either
      return Optional.empty();
    }
    try {
      DeclaredSchema previous = DeclaredSchemaCodec.read(text, resource);
      return previous.ledgerHead().equals(recorded.head()) ? Optional.of(previous) : Optional.empty();
    } catch (RuntimeException e) {
      reporter.note(Diagnostic.DECLARED_UNREADABLE, resource, e.getMessage());
      return Optional.empty();
    }
  }

  /** The ledger to lay this compilation's tables over: the previous declarations at the ledger's head, if known. */
  static Ledger base(Ledger recorded, Optional<DeclaredSchema> previous) {
    return previous.map(p -> new Ledger(recorded.migrations(), p.schema(), p.declaredBy())).orElse(recorded);
  }

  /**
   * The renames to record: this compilation's, plus the previous build's for tables whose classes
   * it did not see (their {@code @RenamedFrom} still stands; they were just not compiled).
   */
  static Renames renames(Renames current, Optional<DeclaredSchema> previous, Set<QualifiedName> seen) {
    if (previous.isEmpty()) {
      return current;
    }
    Renames old = previous.get().renames();
    Map<QualifiedName, QualifiedName> tables = new TreeMap<>(current.tables());
    old.tables().forEach((to, from) -> {
      if (!seen.contains(to)) {
        tables.putIfAbsent(to, from);
      }
    });
    Map<QualifiedName, Map<String, String>> columns = new TreeMap<>(current.columns());
    old.columns().forEach((table, byColumn) -> {
      if (!seen.contains(table)) {
        columns.putIfAbsent(table, byColumn);
      }
    });
    // enum types are shared between tables: keep a rename unless this compilation states the type's own
    Map<QualifiedName, Map<String, String>> values = new HashMap<>(old.enumValues());
    values.putAll(current.enumValues());
    return new Renames(tables, columns, values);
  }

  void write(DeclaredSchema declared) {
    String resource = location.resource(DeclaredSchema.FILE_NAME);
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", resource);
      try (OutputStream out = file.openOutputStream()) {
        out.write(DeclaredSchemaCodec.write(declared).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      reporter.error(Diagnostic.WRITE_FAILED, "class output " + resource, e);
    }
  }
}
