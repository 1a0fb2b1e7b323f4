package dev.schemacode.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads and writes the ledger file. The output is stable (fixed field order, sorted tables, one
 * value per line, {@code \n} endings) so that it diffs cleanly in review and two branches that each
 * add a migration conflict on the {@code head} line.
 */
public final class LedgerCodec {
  public static final int FORMAT = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LedgerCodec() {}

  public static String write(Ledger ledger) {
    ObjectNode root = NODES.objectNode();
    root.put("format", FORMAT);
    root.put("head", ledger.head());
    ArrayNode migrations = root.putArray("migrations");
    for (LedgerEntry entry : ledger.migrations()) {
      ObjectNode node = migrations.addObject();
      node.put("file", entry.file().fileName());
      node.put("checksum", entry.checksum());
      node.put("origin", entry.origin().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      node.put("chain", entry.chain());
    }
    root.set("schema", schemaNode(ledger.schema()));
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /**
   * Reads a ledger; {@code source} names the file in error messages.
   *
   * @throws LedgerFormatException when the text is not a ledger this version understands
   */
  public static Ledger read(String json, String source) {
    if (json.lines().anyMatch(line -> line.startsWith("<<<<<<<") || line.startsWith(">>>>>>>"))) {
      throw new LedgerFormatException(source + " contains git merge conflict markers: two branches"
          + " added migrations. Keep one branch's migrations, delete the other branch's new V*.sql files"
          + " and recompile to regenerate them after it");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new LedgerFormatException(source + " is not valid JSON (" + e.getOriginalMessage()
          + " at line " + e.getLocation().getLineNr() + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new LedgerFormatException(source + " is not a schemacode ledger (expected a JSON object)");
    }
    Reader reader = new Reader(source);
    int format = reader.integer(root, "format");
    if (format > FORMAT) {
      throw new LedgerFormatException(source + " has format " + format
          + ", written by a newer schemacode; this version reads format " + FORMAT + " and older");
    }
    List<LedgerEntry> entries = new ArrayList<>();
    for (JsonNode node : reader.array(root, "migrations")) {
      String fileName = reader.text(node, "file");
      MigrationFileName file = MigrationFileName.parse(fileName).orElseThrow(() ->
          new LedgerFormatException(source + ": '" + fileName + "' is not a migration file name (V<version>__<name>.sql)"));
      entries.add(new LedgerEntry(file, reader.text(node, "checksum"),
          reader.origin(node), reader.text(node, "chain")));
    }
    Schema schema = reader.schema(reader.object(root, "schema"));
    Ledger ledger = new Ledger(entries, schema);
    String head = reader.text(root, "head");
    if (!head.equals(ledger.head())) {
      throw new LedgerFormatException(source + ": head " + abbreviate(head)
          + " does not match the last migration's chain " + abbreviate(ledger.head())
          + "; the file was edited by hand or merged from two branches");
    }
    return ledger;
  }

  private static String abbreviate(String hash) {
    return hash.isEmpty() ? "(none)" : hash.substring(0, Math.min(12, hash.length()));
  }

  private static ObjectNode schemaNode(Schema schema) {
    ObjectNode node = NODES.objectNode();
    ArrayNode tables = node.putArray("tables");
    for (Table table : schema.tables()) {
      ObjectNode tableNode = tables.addObject();
      if (!table.name().inDefaultSchema()) {
        tableNode.put("schema", table.name().schema());
      }
      tableNode.put("name", table.name().name());
      ArrayNode columns = tableNode.putArray("columns");
      for (Column column : table.columns()) {
        ObjectNode columnNode = columns.addObject();
        columnNode.put("name", column.name());
        columnNode.put("type", column.type());
        columnNode.put("nullable", column.nullable());
        if (column.identity()) {
          columnNode.put("identity", true);
        }
      }
      table.primaryKey().ifPresent(key -> {
        ObjectNode keyNode = tableNode.putObject("primaryKey");
        keyNode.put("name", key.name());
        ArrayNode keyColumns = keyNode.putArray("columns");
        key.columns().forEach(keyColumns::add);
      });
    }
    return node;
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  /** Field access that turns every missing or mistyped value into a message naming the file. */
  private record Reader(String source) {
    Schema schema(JsonNode node) {
      List<Table> tables = new ArrayList<>();
      for (JsonNode tableNode : array(node, "tables")) {
        String schemaName = tableNode.has("schema") ? text(tableNode, "schema") : "";
        TableName name = new TableName(schemaName, text(tableNode, "name"));
        List<Column> columns = new ArrayList<>();
        for (JsonNode columnNode : array(tableNode, "columns")) {
          columns.add(new Column(text(columnNode, "name"), text(columnNode, "type"),
              bool(columnNode, "nullable", false), bool(columnNode, "identity", false)));
        }
        Optional<PrimaryKey> key = Optional.empty();
        if (tableNode.has("primaryKey")) {
          JsonNode keyNode = object(tableNode, "primaryKey");
          List<String> keyColumns = new ArrayList<>();
          array(keyNode, "columns").forEach(c -> keyColumns.add(c.asText()));
          key = Optional.of(new PrimaryKey(text(keyNode, "name"), keyColumns));
        }
        try {
          tables.add(new Table(name, columns, key));
        } catch (IllegalArgumentException e) {
          throw new LedgerFormatException(source + ": " + e.getMessage(), e);
        }
      }
      try {
        return new Schema(tables);
      } catch (IllegalArgumentException e) {
        throw new LedgerFormatException(source + ": " + e.getMessage(), e);
      }
    }

    LedgerEntry.Origin origin(JsonNode node) {
      String value = text(node, "origin");
      try {
        return LedgerEntry.Origin.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new LedgerFormatException(source + ": unknown origin '" + value + "'", e);
      }
    }

    String text(JsonNode node, String field) {
      JsonNode value = node.get(field);
      if (value == null || !value.isTextual()) {
        throw missing(field, "a string");
      }
      return value.asText();
    }

    int integer(JsonNode node, String field) {
      JsonNode value = node.get(field);
      if (value == null || !value.canConvertToInt()) {
        throw missing(field, "an integer");
      }
      return value.asInt();
    }

    boolean bool(JsonNode node, String field, boolean fallback) {
      JsonNode value = node.get(field);
      if (value == null) {
        return fallback;
      }
      if (!value.isBoolean()) {
        throw missing(field, "true or false");
      }
      return value.asBoolean();
    }

    JsonNode array(JsonNode node, String field) {
      JsonNode value = node.get(field);
      if (value == null || !value.isArray()) {
        throw missing(field, "an array");
      }
      return value;
    }

    JsonNode object(JsonNode node, String field) {
      JsonNode value = node.get(field);
      if (value == null || !value.isObject()) {
        throw missing(field, "an object");
      }
      return value;
    }

    private LedgerFormatException missing(String field, String expected) {
      return new LedgerFormatException(source + ": field '" + field + "' must be " + expected);
    }
  }
}
