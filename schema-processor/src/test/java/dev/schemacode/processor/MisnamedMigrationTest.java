package dev.schemacode.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file meant as a migration but misnamed fails the build (issue 19): the processor skipped
 * {@code v0001__x.sql} and {@code V0001__x.SQL}, and the runtime then applied nothing of them.
 */
class MisnamedMigrationTest {
  @TempDir Path migrations;

  @ParameterizedTest
  @ValueSource(strings = {"v0001__lower_case.sql", "V0001__upper_case.SQL", "V0001__no_extension",
      "V99999999999999999999999__too_long.sql"})
  void isReportedNotSkipped(String name) throws Exception {
    Files.writeString(migrations.resolve(name), "CREATE TABLE hand_made (id int);\n");
    Compilation compilation = ProcessorHarness.compile(migrations, MigrationGenerationTest.CUSTOMER);
    assertThat(compilation).hadErrorContaining("[schemacode:MigrationName] " + name + " in " + migrations
        + " is not named V<version>__<name>.sql");
  }
}
