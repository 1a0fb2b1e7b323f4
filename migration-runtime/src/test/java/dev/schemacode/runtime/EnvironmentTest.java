package dev.schemacode.runtime;

import dev.schemacode.runtime.internal.EnvironmentGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentTest {
  @ParameterizedTest
  @ValueSource(strings = {"production", "Production", "prod", "PROD-eu", "prod_us_east", "prd", "live", " production "})
  void productionNames(String name) {
    assertTrue(Environment.named(name).isProduction(), name);
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> EnvironmentGuard.requireDeclaredNonProduction(Environment.named(name), "seed"));
    assertTrue(e.getMessage().startsWith("refusing to seed: the environment is '" + name.strip() + "'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"development", "dev", "test", "ci", "staging", "preview-42", "local"})
  void otherNamesAreNotProduction(String name) {
    assertFalse(Environment.named(name).isProduction(), name);
    EnvironmentGuard.requireDeclaredNonProduction(Environment.named(name), "seed");
  }

  @Test
  void anUndeclaredEnvironmentIsRefusedLikeProduction() {
    assertFalse(Environment.named("  ").isDeclared());
    assertEquals(Environment.unset(), Environment.named(null));
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> EnvironmentGuard.requireDeclaredNonProduction(Environment.unset(), "reset"));
    assertTrue(e.getMessage().contains("refusing to reset: no environment is declared; set SCHEMACODE_ENV"), e.getMessage());
  }
}
