package dev.schemacode.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a ledger records of its migrations, read without its schema sections: each recorded file with
 * its checksum, in order, and the version of the newest checkpoint. This is all that a migrations
 * directory's listing takes from the ledger (the checksums of files not to read again, and which
 * migrations a checkpoint archived), and reading only this skips what a full {@link LedgerCodec#read}
 * spends most of its time on: building the schema, every checkpoint's schema, and re-serialising the
 * schema to check it was not edited by hand. In a new JVM that is most of a directory's start-up
 * check (jackson-core's streaming parser alone, no tree). The entries are checked as the full read
 * checks them (format, file names, the head against the last entry's chain), so a ledger merged from
 * two branches or from a newer schemacode is still refused; a schema section edited by hand is the
 * build's and {@code validate}'s to report, and cannot change a recorded checksum.
 *
 * @param migrations the recorded migrations, in the ledger's order
 * @param newestCheckpoint the version of the newest checkpoint ({@code 0042}), if any
 */
public record LedgerRecords(List<Recorded> migrations, Optional<String> newestCheckpoint) {
  private static final JsonFactory JSON = new JsonFactory();

  public LedgerRecords {
    migrations = List.copyOf(migrations);
  }

  /** One recorded migration: its file and checksum. */
  public record Recorded(MigrationFileName file, String checksum) {}

  /** The records of a full ledger, as {@link #read} would give them from its text. */
  public static LedgerRecords of(Ledger ledger) {
    return new LedgerRecords(ledger.migrations().stream().map(e -> new Recorded(e.file(), e.checksum())).toList(),
        ledger.newestCheckpoint().map(Checkpoint::version));
  }

  /** Whether the newest checkpoint covers {@code file}: every migration up to its version. */
  public boolean coveredByCheckpoint(MigrationFileName file) {
    return newestCheckpoint.isPresent() && file.number() <= Long.parseLong(newestCheckpoint.get());
  }

  /**
   * Reads the records of a ledger's text; {@code source} names the file in error messages.
   *
   * @throws LedgerFormatException when the text is not a ledger this version understands
   */
  public static LedgerRecords read(String json, String source) {
    LedgerChecks.refuseMergeConflicts(json, source);
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new LedgerFormatException(source + " is not a schemacode ledger (expected a JSON object)");
      }
      Integer format = null;
      String head = null;
      List<Recorded> migrations = null;
      List<String> chains = new ArrayList<>();
      Optional<String> newestCheckpoint = Optional.empty();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "format" -> format = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : null;
          case "head" -> head = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          case "migrations" -> migrations = migrations(parser, value, chains, source);
          case "checkpoints" -> newestCheckpoint = newestCheckpoint(parser, value, source);
          default -> parser.skipChildren(); // the schema sections, and what a later version adds
        }
      }
      if (format == null) {
        throw missing(source, "format", "an integer");
      }
      LedgerChecks.refuseNewerFormat(format, source);
      if (migrations == null) {
        throw missing(source, "migrations", "an array");
      }
      if (head == null) {
        throw missing(source, "head", "a string");
      }
      LedgerChecks.refuseBrokenHead(head, chains.isEmpty() ? "" : chains.get(chains.size() - 1), source);
      return new LedgerRecords(migrations, newestCheckpoint);
    } catch (JsonProcessingException e) {
      throw new LedgerFormatException(source + " is not valid JSON (" + e.getOriginalMessage()
          + " at line " + e.getLocation().getLineNr() + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }

  private static List<Recorded> migrations(JsonParser parser, JsonToken value, List<String> chains, String source)
      throws IOException {
    if (value != JsonToken.START_ARRAY) {
      throw missing(source, "migrations", "an array");
    }
    List<Recorded> migrations = new ArrayList<>();
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      String file = null;
      String checksum = null;
      String chain = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken token = parser.nextToken();
        String text = token == JsonToken.VALUE_STRING ? parser.getText() : null;
        switch (field) {
          case "file" -> file = text;
          case "checksum" -> checksum = text;
          case "chain" -> chain = text;
          default -> parser.skipChildren(); // origin, reverse
        }
      }
      if (file == null || checksum == null || chain == null) {
        throw missing(source, file == null ? "file" : checksum == null ? "checksum" : "chain", "a string");
      }
      migrations.add(new Recorded(LedgerChecks.migrationFile(file, source), checksum));
      chains.add(chain);
    }
    return migrations;
  }

  private static Optional<String> newestCheckpoint(JsonParser parser, JsonToken value, String source) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      throw missing(source, "checkpoints", "an array");
    }
    String newest = null;
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      String file = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean isFile = parser.currentName().equals("file");
        JsonToken token = parser.nextToken();
        if (isFile && token == JsonToken.VALUE_STRING) {
          file = parser.getText();
        } else {
          parser.skipChildren(); // its checksum, schema and skipped migrations
        }
      }
      if (file == null) {
        throw missing(source, "file", "a string");
      }
      newest = LedgerChecks.checkpointVersion(file, source);
    }
    return Optional.ofNullable(newest);
  }

  private static LedgerFormatException missing(String source, String field, String what) {
    return new LedgerFormatException(source + ": field '" + field + "' must be " + what);
  }
}
