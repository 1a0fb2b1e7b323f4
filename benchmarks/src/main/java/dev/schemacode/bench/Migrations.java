package dev.schemacode.bench;

import dev.schemacode.bench.tools.Runner;
import dev.schemacode.model.Checksums;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.MigrationFileName;
import dev.schemacode.model.MigrationIndex;
import dev.schemacode.model.Schema;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * N migrations as a real project accumulates them: {@code V0001__create_t0001.sql} … Each creates
 * a table (identity key, unique, default, a foreign key to the previous table) and an index; every
 * tenth also adds a column to an older table. They are written once, as a directory (for {@code
 * schemacode deploy --migrations dir} and psql) and as a jar that holds, in {@code db/migration/},
 * the same files, Liquibase's changelog (one change set per file, {@code sqlFile}: the same SQL) and
 * the compiled index class the schemacode processor would generate for them. Beside them, {@code
 * all.sql}, the concatenation, for {@code psql -1 -f}.
 */
final class Migrations {
  static final String ALL = "all.sql";
  private static final int CHUNK = 500;

  /** The files as a directory and as a jar. */
  record Set(Path directory, Path jar) {}

  private Migrations() {}

  static Set write(Path root, int n) throws IOException {
    Path dir = root.resolve("migrations-" + n);
    Path jar = root.resolve("migrations-" + n + ".jar");
    if (Files.isRegularFile(jar) && Files.isRegularFile(dir.resolve(Ledger.FILE_NAME)) && hasCheckDigest(jar)) {
      return new Set(dir, jar);
    }
    Files.deleteIfExists(jar); // (one from before the check's digest was in it)
    Files.createDirectories(dir);
    StringBuilder all = new StringBuilder();
    StringBuilder changelog = new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
        """);
    StringBuilder index = new StringBuilder("package dev.schemacode.bench.generated;\n\n"
        + "/** What the schemacode processor generates for these migrations (MigrationIndexWriter). */\n"
        + "public final class SchemacodeMigrations {\n"
        + "    public static final dev.schemacode.model.MigrationIndex INDEX = dev.schemacode.model.MigrationIndex.parse(\""
        + Runner.FOLDER + "\"");
    List<String> files = new ArrayList<>();
    List<String> entries = new ArrayList<>();
    List<MigrationIndex.Entry> indexed = new ArrayList<>();
    Ledger ledger = Ledger.EMPTY;
    for (int i = 1; i <= n; i++) {
      String file = String.format(Locale.ROOT, "V%04d__create_t%04d.sql", i, i);
      String sql = migration(i);
      Files.writeString(dir.resolve(file), sql, StandardCharsets.UTF_8);
      files.add(file);
      all.append(sql).append('\n');
      changelog.append("  <changeSet id=\"").append(i).append("\" author=\"bench\">\n    <sqlFile path=\"").append(file)
          .append("\" relativeToChangelogFile=\"true\"/>\n  </changeSet>\n");
      String checksum = Checksums.ofScript(sql);
      entries.add(MigrationIndex.line(file, checksum));
      indexed.add(MigrationIndex.entry(file, checksum));
      ledger = ledger.append(MigrationFileName.parse(file).orElseThrow(), checksum, LedgerEntry.Origin.GENERATED,
          Schema.EMPTY);
    }
    changelog.append("</databaseChangeLog>\n");
    // The processor's shape (MigrationIndexWriter): the index's lines in string constants of at most
    // CHUNK lines, each well below the class file's 65,535-byte limit of a constant.
    for (int part = 0; part * CHUNK < n; part++) {
      index.append(",\n            \"");
      entries.subList(part * CHUNK, Math.min(n, (part + 1) * CHUNK)).forEach(line -> index.append(line.replace("\n", "\\n")));
      index.append('"');
    }
    MigrationIndex.Summary summary = MigrationIndex.summarise(indexed); // and the summary the processor adds
    index.append(")\n            .withSummary(\"").append(summary.digest()).append("\", \"").append(summary.currentVersion())
        .append("\");\n\n    private SchemacodeMigrations() {}\n}\n");
    Files.writeString(dir.resolve(ALL), all, StandardCharsets.UTF_8);
    // The ledger the processor keeps beside the files (its schema section left empty: the start-up
    // check reads only the entries, but the parser still reads a real ledger's schema, so a real
    // project's directory check costs somewhat more than this one).
    Files.writeString(dir.resolve(Ledger.FILE_NAME), LedgerCodec.write(ledger), StandardCharsets.UTF_8);

    // The index class, compiled against schema-model, as the processor's output would be.
    Path sources = root.resolve("index-src-" + n + "/dev/schemacode/bench/generated");
    Path classes = root.resolve("index-classes-" + n);
    Files.createDirectories(sources);
    Files.createDirectories(classes);
    Path source = sources.resolve("SchemacodeMigrations.java");
    Files.writeString(source, index, StandardCharsets.UTF_8);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int exit = javac.run(null, null, null, "-proc:none", "-d", classes.toString(), "-cp",
        Classpath.select("/schema-model"), source.toString());
    if (exit != 0) {
      throw new IllegalStateException("cannot compile the index class of " + n + " migrations");
    }

    Path partial = root.resolve("migrations-" + n + ".jar.tmp");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial))) {
      for (String folder : List.of("db/", Runner.FOLDER + "/", "dev/", "dev/schemacode/", "dev/schemacode/bench/",
          "dev/schemacode/bench/generated/")) {
        out.putNextEntry(new JarEntry(folder));
        out.closeEntry();
      }
      for (String file : files) {
        entry(out, Runner.FOLDER + "/" + file, Files.readAllBytes(dir.resolve(file)));
      }
      entry(out, Runner.CHANGELOG, changelog.toString().getBytes(StandardCharsets.UTF_8));
      // the digest schemacode's check asks for, for CheckQueryRunner (the check's query sent alone)
      entry(out, Runner.CHECK_DIGEST, summary.digest().getBytes(StandardCharsets.UTF_8));
      try (Stream<Path> compiled = Files.walk(classes)) {
        for (Path file : (Iterable<Path>) compiled.filter(Files::isRegularFile)::iterator) {
          entry(out, classes.relativize(file).toString().replace(File.separatorChar, '/'), Files.readAllBytes(file));
        }
      }
    }
    Files.move(partial, jar);
    return new Set(dir, jar);
  }

  private static boolean hasCheckDigest(Path jar) throws IOException {
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      return file.getEntry(Runner.CHECK_DIGEST) != null;
    }
  }

  private static void entry(JarOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new JarEntry(name));
    OutputStream stream = out;
    stream.write(bytes);
    out.closeEntry();
  }

  static String migration(int i) {
    String t = String.format(Locale.ROOT, "t%04d", i);
    StringBuilder sql = new StringBuilder("-- migration ").append(i).append('\n');
    sql.append("CREATE TABLE ").append(t).append(" (\n")
        .append("  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n")
        .append("  code varchar(64) NOT NULL UNIQUE,\n")
        .append("  amount numeric(12, 2) NOT NULL DEFAULT 0,\n")
        .append("  note text,\n");
    if (i > 1) {
      sql.append("  parent_id bigint REFERENCES ").append(String.format(Locale.ROOT, "t%04d", i - 1)).append(" (id),\n");
    }
    sql.append("  created_at timestamptz NOT NULL DEFAULT now()\n);\n");
    sql.append("CREATE INDEX ").append(t).append("_created_at_idx ON ").append(t).append(" (created_at);\n");
    if (i % 10 == 0) {
      sql.append("ALTER TABLE ").append(String.format(Locale.ROOT, "t%04d", i - 5)).append(" ADD COLUMN extra integer;\n");
    }
    return sql.toString();
  }
}
