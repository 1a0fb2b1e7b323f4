package dev.schemacode.spring.boot.autoconfigure;

import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.runtime.Validation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code schemacode} health contributor reports, apart from Boot's health API (which moved
 * package between Boot 3 and 4): current when nothing is pending and the history has no problems.
 * One query. Public for the Boot 3.5 indicator in {@code schemacode-spring-boot-autoconfigure-boot3}
 * (another package), and for applications that report it through a health API of their own.
 */
public record SchemaHealth(boolean current, Map<String, Object> details) {
  public static SchemaHealth of(Migrator migrator) {
    Validation validation = migrator.validate();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("currentVersion", validation.status().currentVersion().orElse(null));
    details.put("pending", validation.pending().stream().map(MigrationInfo::label).toList());
    details.put("problems", validation.problems().stream().map(MigrationInfo::explanation).toList());
    details.values().removeIf(value -> value == null);
    return new SchemaHealth(validation.pending().isEmpty() && validation.problems().isEmpty(), details);
  }
}
