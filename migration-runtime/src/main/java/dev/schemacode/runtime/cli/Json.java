package dev.schemacode.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemacode.runtime.AppliedMigration;
import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.MigrationInfo;
import java.io.UncheckedIOException;

/** The JSON that {@code --json} prints. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void migration(ObjectNode node, MigrationInfo info) {
    node.put("version", info.version());
    node.put("name", info.name());
    node.put("state", info.state().label());
    info.resolved().ifPresent(r -> {
      node.put("checksum", r.checksum());
      try {
        node.put("transactional", !r.noTransaction());
      } catch (ConfigurationException unavailable) {
        // the script is not there (archived: a checkpoint covers it) or is not what the ledger records; the
        // state says what matters, from the checksums, and status reports rather than fails
        node.putNull("transactional");
      }
    });
    info.applied().ifPresent(a -> {
      node.put("appliedChecksum", a.checksum());
      node.put("appliedAt", a.appliedAt().toString());
      node.put("executionMs", a.executionMillis());
      node.put("appliedBy", a.kind());
    });
  }

  static String appliedBy(AppliedMigration applied) {
    return AppliedMigration.APPLIED.equals(applied.kind()) ? "" : " (" + applied.kind() + ")";
  }
}
