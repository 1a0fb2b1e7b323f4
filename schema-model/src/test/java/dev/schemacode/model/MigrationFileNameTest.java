package dev.schemacode.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationFileNameTest {
  @Test
  void formatsZeroPaddedVersions() {
    assertEquals("V0001__init.sql", MigrationFileName.of(1, "init").fileName());
    assertEquals("V0042__add_x.sql", MigrationFileName.of(42, "add_x").fileName());
    assertEquals("V12345__big.sql", MigrationFileName.of(12345, "big").fileName());
  }

  @Test
  void parsesAndOrdersNumerically() {
    List<MigrationFileName> names = new ArrayList<>(List.of(
        MigrationFileName.parse("V10__ten.sql").orElseThrow(),
        MigrationFileName.parse("V0002__two.sql").orElseThrow(),
        MigrationFileName.parse("V9__nine.sql").orElseThrow()));
    names.sort(null);
    assertEquals(List.of("V0002__two.sql", "V9__nine.sql", "V10__ten.sql"),
        names.stream().map(MigrationFileName::fileName).toList());
    assertEquals("V0002__two", names.get(0).label());
  }

  @ParameterizedTest
  @ValueSource(strings = {"V1_init.sql", "v1__init.sql", "V__init.sql", "V1__.sql", "V1__init.SQL", "V1__a b.sql"})
  void rejectsOtherNames(String name) {
    assertTrue(MigrationFileName.parse(name).isEmpty(), name);
  }
}
