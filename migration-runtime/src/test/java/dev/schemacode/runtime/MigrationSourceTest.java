package dev.schemacode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.model.Checksums;
import dev.schemacode.model.MigrationIndex;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where migrations, seeds and backfills come from; no database needed. */
class MigrationSourceTest {
  private static final String INIT = "CREATE TABLE note (id bigint PRIMARY KEY);\n";
  private static final String NOTES = "ALTER TABLE note ADD COLUMN body text;\n";

  @TempDir Path temp;

  @Test
  void theGeneratedIndexListsWhatToLoadWithoutScanning() {
    MigrationIndex index = MigrationIndex.of("/fixtures/ledgered/",
        MigrationIndex.entry("V0002__notes.sql", Checksums.ofScript(NOTES)),
        MigrationIndex.entry("V0001__init.sql", Checksums.ofScript(INIT)));
    List<ResolvedMigration> resolved = MigrationSource.index(index).resolve();
    assertEquals(List.of("V0001__init", "V0002__notes"), resolved.stream().map(m -> m.file().label()).toList());
    assertEquals("classpath:fixtures/ledgered/V0002__notes.sql", resolved.get(1).location());
    assertEquals(NOTES, resolved.get(1).script());
  }

  @Test
  void theIndexFailsOnAMissingResource() {
    MigrationIndex index = MigrationIndex.of("fixtures/ledgered", MigrationIndex.entry("V0003__gone.sql", "abc"));
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> MigrationSource.index(index).resolve());
    assertEquals("V0003__gone.sql is listed in the migration index of classpath:fixtures/ledgered but is not on the"
        + " class path", e.getMessage());
  }

  @Test
  void theIndexFailsWhenTheClassPathHoldsAnotherFileThanTheBuildCompiled() {
    MigrationIndex index = MigrationIndex.of("fixtures/ledgered",
        MigrationIndex.entry("V0001__init.sql", Checksums.ofScript("CREATE TABLE note (id int);\n")));
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> MigrationSource.index(index).resolve());
    assertTrue(e.getMessage().startsWith("V0001__init.sql on the class path (fixtures/ledgered/V0001__init.sql) does not"
        + " match the migration index of classpath:fixtures/ledgered: its checksum is " + Checksums.ofScript(INIT)),
        e.getMessage());
  }

  @Test
  void theStartUpListingReadsNoScriptUntilOneIsNeeded() {
    MigrationIndex index = MigrationIndex.of("fixtures/ledgered",
        MigrationIndex.entry("V0001__init.sql", Checksums.ofScript(INIT)),
        MigrationIndex.entry("V0003__gone.sql", "abc"));
    // Names and checksums come from the index: listing succeeds although one file is missing.
    List<ResolvedMigration> listed = MigrationSource.index(index).listing();
    assertEquals(List.of("0001", "0003"), listed.stream().map(ResolvedMigration::version).toList());
    assertEquals("abc", listed.get(1).checksum());
    assertEquals(INIT, listed.get(0).script());
    // The missing file fails as resolve() would, once its script is needed.
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> listed.get(1).script());
    assertEquals("V0003__gone.sql is listed in the migration index of classpath:fixtures/ledgered but is not on the"
        + " class path", e.getMessage());
  }

  @Test
  void theIndexRejectsNamesThatAreNotMigrations() {
    MigrationIndex index = MigrationIndex.of("fixtures/ledgered", MigrationIndex.entry("init.sql", "abc"));
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> MigrationSource.index(index).resolve());
    assertTrue(e.getMessage().contains("lists 'init.sql', which is not named V<version>__<name>.sql"), e.getMessage());
  }

  @Test
  void theLedgerOnTheClassPathIsCheckedLikeTheIndex() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> MigrationSource.classpath("fixtures/tampered").resolve());
    assertTrue(e.getMessage().startsWith("V0002__notes.sql on the class path (fixtures/tampered/V0002__notes.sql) does"
        + " not match the ledger at classpath:fixtures/tampered"), e.getMessage());
  }

  @Test
  void seedsAndBackfillsLiveBesideTheMigrations() throws Exception {
    MigrationSource classpath = MigrationSource.classpath("fixtures/ledgered");
    assertEquals(List.of("10_notes"), classpath.folder(MigrationSource.SEEDS).names());
    assertEquals(List.of("empty_bodies"), classpath.folder(MigrationSource.BACKFILLS).names());
    assertTrue(classpath.folder(MigrationSource.BACKFILLS).read("empty_bodies").orElseThrow().startsWith("UPDATE note"));
    assertTrue(classpath.folder(MigrationSource.BACKFILLS).read("nothing").isEmpty());
    assertEquals("classpath:fixtures/ledgered/seeds", classpath.folder(MigrationSource.SEEDS).description());

    Files.createDirectories(temp.resolve("seeds"));
    Files.writeString(temp.resolve("seeds/b.sql"), "SELECT 2;");
    Files.writeString(temp.resolve("seeds/a.sql"), "SELECT 1;");
    Files.writeString(temp.resolve("seeds/notes.txt"), "not a script");
    ScriptFolder seeds = MigrationSource.directory(temp).folder(MigrationSource.SEEDS);
    assertEquals(List.of("a", "b"), seeds.names());
    assertEquals(temp.resolve("seeds").resolve("a.sql").toString(), seeds.location("a"));
    assertEquals(List.of(), MigrationSource.directory(temp).folder(MigrationSource.BACKFILLS).names());
  }

  @Test
  void aFolderInsideAJarIsListedToo() throws Exception {
    Path jar = temp.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String directory : List.of("db/", "db/migration/", "db/migration/seeds/", "db/migration/seeds/nested/")) {
        out.putNextEntry(new JarEntry(directory));
        out.closeEntry();
      }
      entry(out, "db/migration/seeds/02_b.sql", "SELECT 2;");
      entry(out, "db/migration/seeds/01_a.sql", "SELECT 1;");
      entry(out, "db/migration/seeds/nested/03_c.sql", "SELECT 3;");
      entry(out, "db/migration/seeds/readme.md", "hello");
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      ScriptFolder seeds = ScriptFolder.classpath("db/migration/seeds", loader);
      assertEquals(List.of("01_a", "02_b"), seeds.names());
      assertEquals("SELECT 1;", seeds.read("01_a").orElseThrow());
    }
  }

  @Test
  void scriptNamesCannotLeaveTheirFolder() {
    ScriptFolder folder = ScriptFolder.directory(temp);
    for (String name : List.of("../secret", "a/b", "", ".hidden")) {
      ConfigurationException e = assertThrows(ConfigurationException.class, () -> folder.read(name));
      assertTrue(e.getMessage().contains("is not a script name"), e.getMessage());
    }
    assertFalse(folder.read("fine-name_1.2").isPresent());
  }

  private static void entry(JarOutputStream out, String name, String text) throws Exception {
    out.putNextEntry(new JarEntry(name));
    OutputStream stream = out;
    stream.write(text.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }
}
