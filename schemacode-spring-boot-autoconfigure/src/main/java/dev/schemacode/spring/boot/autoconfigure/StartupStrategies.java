package dev.schemacode.spring.boot.autoconfigure;

import dev.schemacode.runtime.Environment;
import dev.schemacode.runtime.MigrateResult;
import dev.schemacode.runtime.PushResult;
import dev.schemacode.runtime.Validation;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The strategies {@code schemacode.on-startup} names. The runtime logs each migration it applies;
 * these add one summary line, not a second line per migration.
 */
final class StartupStrategies {
  private static final Log LOG = LogFactory.getLog(SchemacodeMigrationInitializer.class);

  private StartupStrategies() {}

  static SchemacodeMigrationStrategy of(SchemacodeProperties properties, Environment environment) {
    SchemacodeMigrationStrategy onStartup = switch (properties.getOnStartup()) {
      case DEPLOY -> StartupStrategies::deploy;
      case CHECK -> StartupStrategies::check;
      case NONE -> migrator -> LOG.info("schemacode.on-startup=none: no migrations at start-up");
      case PUSH -> StartupStrategies::push;
    };
    if (!properties.isSeed() || properties.getOnStartup() == SchemacodeProperties.OnStartup.NONE) {
      return onStartup;
    }
    return migrator -> {
      onStartup.migrate(migrator);
      if (!environment.isDeclared() || environment.isProduction()) {
        LOG.warn("schemacode.seed=true, but the environment is " + environment + ": seeds run only where it is"
            + " declared non-production (schemacode.environment or " + Environment.VARIABLE + "); not seeding");
        return;
      }
      List<String> seeded = migrator.seed();
      LOG.info("seeded " + seeded.size() + " script(s) for environment " + environment + ": " + String.join(", ", seeded));
    };
  }

  private static void deploy(dev.schemacode.runtime.Migrator migrator) {
    MigrateResult result = migrator.migrate();
    if (!result.applied().isEmpty()) {
      LOG.info(result.applied().size() + " migration(s) applied; schema is at "
          + result.currentVersion().map(v -> "V" + v).orElse("(empty)"));
    }
  }

  private static void push(dev.schemacode.runtime.Migrator migrator) {
    PushResult result = migrator.push(false);
    LOG.info("schemacode.on-startup=push: " + result.deployed().size() + " migration(s) applied, "
        + result.changes().size() + " change(s) pushed, " + result.recorded().size() + " migration(s) recorded as applied"
        + (result.inMigrations() ? "" : "; no migration holds the pushed changes yet"));
  }

  private static void check(dev.schemacode.runtime.Migrator migrator) {
    Validation validation = migrator.validate();
    if (!validation.pending().isEmpty() || !validation.problems().isEmpty()) {
      throw new SchemaNotCurrentException(validation.pending(), validation.problems());
    }
    LOG.info("schemacode.on-startup=check: schema is at "
        + validation.status().currentVersion().map(v -> "V" + v).orElse("(empty)") + ", as this build expects");
  }
}
