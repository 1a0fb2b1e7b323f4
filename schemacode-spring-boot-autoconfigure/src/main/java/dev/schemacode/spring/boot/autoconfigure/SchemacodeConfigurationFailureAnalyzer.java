package dev.schemacode.spring.boot.autoconfigure;

import dev.schemacode.runtime.ConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The runtime refused its configuration at start-up: no ledger where {@code schemacode.migrations}
 * points, a malformed URL, a migration file the build did not record. The runtime's message says
 * which; this says where to change it.
 */
public class SchemacodeConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
    return new FailureAnalysis("schemacode could not start with its configuration:\n\n    " + cause.getMessage(),
        "Check the schemacode.* properties (schemacode.migrations is where the processor's output is expected,"
            + " classpath:db/migration by default), DATABASE_URL, and that the build ran the schemacode processor.",
        cause);
  }
}
