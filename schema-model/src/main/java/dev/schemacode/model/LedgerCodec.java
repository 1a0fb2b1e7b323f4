package dev.schemacode.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads and writes the ledger file. The output is stable (fixed field order, sorted tables, one
 * value per line, {@code \n} endings) so that it diffs cleanly in review and two branches that each
 * add a migration conflict on the {@code head} line.
 */
public final class LedgerCodec {
  /**
   * The newest format this version reads and writes. Format 2 added reverses to entries; a ledger
   * that uses none of its additions is still written as format 1, so existing ledgers keep their
   * text until the first migration with a reverse, and an older schemacode refuses (rather than
   * silently drops) what it cannot read.
   */
  public static final int FORMAT = 2;

  /*
   * Jackson's streaming layer (jackson-core) parses and prints; the tree is built and walked here
   * instead of by an ObjectMapper. Same JSON, same text, but no databind machinery to set up: the
   * processor runs in a cold javac, where creating an ObjectMapper alone took half a second and
   * reading a 500-table ledger through it over a second.
   */
  private static final JsonFactory JSON = new JsonFactory();
  private static final DefaultPrettyPrinter PRETTY = prettyPrinter();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LedgerCodec() {}

  public static String write(Ledger ledger) {
    ObjectNode root = NODES.objectNode();
    boolean extended = !ledger.checkpoints().isEmpty() || ledger.migrations().stream().anyMatch(e -> e.reverse().isPresent());
    root.put("format", extended ? 2 : 1);
    root.put("head", ledger.head());
    ObjectNode schema = schemaNode(ledger.schema(), ledger.declaredBy());
    root.put("schemaChecksum", checksum(schema));
    ArrayNode migrations = root.putArray("migrations");
    for (LedgerEntry entry : ledger.migrations()) {
      ObjectNode node = migrations.addObject();
      node.put("file", entry.file().fileName());
      node.put("checksum", entry.checksum());
      node.put("origin", entry.origin().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      node.put("chain", entry.chain());
      entry.reverse().ifPresent(reverse -> {
        ObjectNode reverseNode = node.putObject("reverse");
        if (!reverse.from().equals(entry.file())) {
          reverseNode.put("from", reverse.from().fileName());
        }
        ArrayNode files = reverseNode.putArray("files");
        for (LedgerEntry.ReverseFile file : reverse.files()) {
          ObjectNode fileNode = files.addObject();
          fileNode.put("file", file.file().fileName());
          fileNode.put("checksum", file.checksum());
        }
      });
    }
    root.set("schema", schema);
    if (!ledger.checkpoints().isEmpty()) {
      ArrayNode checkpoints = root.putArray("checkpoints");
      for (Checkpoint checkpoint : ledger.checkpoints()) {
        ObjectNode node = checkpoints.addObject();
        node.put("file", checkpoint.fileName());
        node.put("checksum", checkpoint.checksum());
        if (!checkpoint.skipped().isEmpty()) {
          ArrayNode skipped = node.putArray("skipped");
          checkpoint.skipped().forEach(skipped::add);
        }
        node.set("schema", schemaNode(checkpoint.schema(), Map.of()));
      }
    }
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(text)) {
      generator.setPrettyPrinter(PRETTY.createInstance());
      print(generator, root);
    } catch (IOException e) {
      throw new UncheckedIOException("a JSON tree always serialises", e);
    }
    return text + "\n";
  }

  /**
   * SHA-256 of the schema section as this codec writes it, compactly: edits to its layout do not
   * change it, edits to what it says do.
   */
  private static String checksum(JsonNode schema) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(text)) {
      print(generator, schema);
    } catch (IOException e) {
      throw new UncheckedIOException("a JSON tree always serialises", e);
    }
    return Checksums.sha256(text.toString());
  }

  /** Prints a tree as ObjectMapper would: the same generator calls, so the same text. */
  private static void print(JsonGenerator generator, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        generator.writeStartObject(node, node.size());
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          generator.writeFieldName(field.getKey());
          print(generator, field.getValue());
        }
        generator.writeEndObject();
      }
      case ARRAY -> {
        generator.writeStartArray(node, node.size());
        for (JsonNode element : node) {
          print(generator, element);
        }
        generator.writeEndArray();
      }
      case STRING -> generator.writeString(node.textValue());
      case BOOLEAN -> generator.writeBoolean(node.booleanValue());
      case NUMBER -> {
        if (node.isInt()) {
          generator.writeNumber(node.intValue());
        } else if (node.isLong()) {
          generator.writeNumber(node.longValue());
        } else {
          generator.writeNumber(node.decimalValue());
        }
      }
      default -> generator.writeNull();
    }
  }

  /** Parses JSON text into a tree, as ObjectMapper.readTree would (a later duplicate key wins). */
  private static JsonNode parse(String json) throws IOException {
    try (JsonParser parser = JSON.createParser(json)) {
      JsonToken token = parser.nextToken();
      return token == null ? null : value(parser, token);
    }
  }

  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
          String name = parser.currentName();
          object.set(name, value(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          array.add(value(parser, next));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NUMBER_INT -> {
        return switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(parser.getDecimalValue());
      }
      default -> {
        return NODES.nullNode();
      }
    }
  }

  /**
   * Reads a ledger; {@code source} names the file in error messages.
   *
   * @throws LedgerFormatException when the text is not a ledger this version understands
   */
  public static Ledger read(String json, String source) {
    return read(json, source, true);
  }

  /**
   * As {@link #read(String, String)}; {@code checkSchema} false skips recomputing the schema
   * checksum (serialising the whole schema again), for a text an earlier read of the same file
   * already found whole: the annotation processor's history stamp vouches for that.
   */
  public static Ledger read(String json, String source, boolean checkSchema) {
    LedgerChecks.refuseMergeConflicts(json, source);
    JsonNode root = tree(json, source, "a schemacode ledger (expected a JSON object)");
    Reader reader = new Reader(source);
    LedgerChecks.refuseNewerFormat(reader.integer(root, "format"), source);
    List<LedgerEntry> entries = new ArrayList<>();
    for (JsonNode node : reader.array(root, "migrations")) {
      MigrationFileName file = LedgerChecks.migrationFile(reader.text(node, "file"), source);
      entries.add(new LedgerEntry(file, reader.text(node, "checksum"),
          reader.origin(node), reader.text(node, "chain"), reader.reverse(node, file)));
    }
    Map<QualifiedName, String> declaredBy = new TreeMap<>();
    Schema schema = reader.schema(reader.object(root, "schema"), declaredBy);
    List<Checkpoint> checkpoints = new ArrayList<>();
    if (root.has("checkpoints")) {
      for (JsonNode node : reader.array(root, "checkpoints")) {
        String name = reader.text(node, "file");
        String version = LedgerChecks.checkpointVersion(name, source);
        List<String> skipped = new ArrayList<>();
        if (node.has("skipped")) {
          for (JsonNode skip : reader.array(node, "skipped")) {
            skipped.add(skip.asText());
          }
        }
        checkpoints.add(new Checkpoint(version, reader.text(node, "checksum"),
            reader.schema(reader.object(node, "schema"), new TreeMap<>()), skipped));
      }
    }
    Ledger ledger = new Ledger(entries, schema, declaredBy, checkpoints);
    LedgerChecks.refuseBrokenHead(reader.text(root, "head"), ledger.head(), source);
    // Ledgers written before the checksum existed have none, and stay readable.
    if (checkSchema && root.has("schemaChecksum")) {
      String recorded = reader.text(root, "schemaChecksum");
      String actual = checksum(schemaNode(schema, declaredBy));
      if (!recorded.equals(actual)) {
        throw new LedgerFormatException(source + ": the schema section was edited by hand (its checksum is "
            + LedgerChecks.abbreviate(actual) + ", the ledger recorded " + LedgerChecks.abbreviate(recorded) + "). It must stay what the recorded"
            + " migrations produce, or the next migration is generated against a schema the database does not have:"
            + " restore the file from version control and change the entities (or add a hand-written migration) instead");
      }
    }
    return ledger;
  }

  // ---- shared with DeclaredSchemaCodec, which writes a schema without a history in the same layout

  /** The schema section as a ledger holds it. */
  static ObjectNode schemaTree(Schema schema, Map<QualifiedName, String> declaredBy) {
    return schemaNode(schema, declaredBy);
  }

  /** A tree printed as the ledger is: fixed field order, one value per line, a final {@code \n}. */
  static String pretty(JsonNode root) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(text)) {
      generator.setPrettyPrinter(PRETTY.createInstance());
      print(generator, root);
    } catch (IOException e) {
      throw new UncheckedIOException("a JSON tree always serialises", e);
    }
    return text + "\n";
  }

  /** The JSON object of a file; {@code source} names it in messages. */
  static JsonNode tree(String json, String source) {
    return tree(json, source, "a JSON object");
  }

  /** As {@link #tree(String, String)}; {@code expected} says what the file should have been. */
  private static JsonNode tree(String json, String source, String expected) {
    JsonNode root;
    try {
      root = parse(json);
    } catch (JsonProcessingException e) {
      throw new LedgerFormatException(source + " is not valid JSON (" + e.getOriginalMessage()
          + " at line " + e.getLocation().getLineNr() + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    if (root == null || !root.isObject()) {
      throw new LedgerFormatException(source + " is not " + expected);
    }
    return root;
  }

  /** A schema section read back, collecting each table's declaring class into {@code declaredBy}. */
  static Schema schemaOf(JsonNode node, String source, Map<QualifiedName, String> declaredBy) {
    return new Reader(source).schema(node, declaredBy);
  }

  /** The field reader with the ledger's messages, for the declared schema's other sections. */
  static Fields fields(String source) {
    return new Fields(new Reader(source));
  }

  /** Field access that names the file in every message. */
  static final class Fields {
    private final Reader reader;

    private Fields(Reader reader) {
      this.reader = reader;
    }

    String text(JsonNode node, String field) {
      return reader.text(node, field);
    }

    int integer(JsonNode node, String field) {
      return reader.integer(node, field);
    }

    QualifiedName name(JsonNode node) {
      return reader.name(node);
    }

    JsonNode object(JsonNode node, String field) {
      return reader.object(node, field);
    }

    Iterable<JsonNode> optionalArray(JsonNode node, String field) {
      return reader.optionalArray(node, field);
    }
  }

  private static ObjectNode schemaNode(Schema schema, Map<QualifiedName, String> declaredBy) {
    ObjectNode node = NODES.objectNode();
    if (!schema.enums().isEmpty()) {
      ArrayNode enums = node.putArray("enums");
      for (EnumType type : schema.enums()) {
        ObjectNode typeNode = enums.addObject();
        putName(typeNode, type.name());
        ArrayNode labels = typeNode.putArray("labels");
        type.labels().forEach(labels::add);
      }
    }
    ArrayNode tables = node.putArray("tables");
    for (Table table : schema.tables()) {
      ObjectNode tableNode = tables.addObject();
      putName(tableNode, table.name());
      if (declaredBy.containsKey(table.name())) {
        tableNode.put("class", declaredBy.get(table.name()));
      }
      table.comment().ifPresent(comment -> tableNode.put("comment", comment));
      ArrayNode columns = tableNode.putArray("columns");
      for (Column column : table.columns()) {
        ObjectNode columnNode = columns.addObject();
        columnNode.put("name", column.name());
        columnNode.put("type", column.type());
        columnNode.put("nullable", column.nullable());
        if (column.identity()) {
          columnNode.put("identity", true);
        }
        column.defaultExpression().ifPresent(expression -> columnNode.put("default", expression));
        column.comment().ifPresent(comment -> columnNode.put("comment", comment));
      }
      table.primaryKey().ifPresent(key -> {
        ObjectNode keyNode = tableNode.putObject("primaryKey");
        keyNode.put("name", key.name());
        putStrings(keyNode, "columns", key.columns());
      });
      if (!table.uniques().isEmpty()) {
        ArrayNode uniques = tableNode.putArray("uniques");
        for (UniqueConstraint unique : table.uniques()) {
          ObjectNode uniqueNode = uniques.addObject();
          uniqueNode.put("name", unique.name());
          putStrings(uniqueNode, "columns", unique.columns());
        }
      }
      if (!table.foreignKeys().isEmpty()) {
        ArrayNode keys = tableNode.putArray("foreignKeys");
        for (ForeignKey key : table.foreignKeys()) {
          ObjectNode keyNode = keys.addObject();
          keyNode.put("name", key.name());
          putStrings(keyNode, "columns", key.columns());
          putName(keyNode.putObject("references"), key.target());
          putStrings(keyNode, "referencedColumns", key.targetColumns());
          keyNode.put("onDelete", key.onDelete().label());
          keyNode.put("onUpdate", key.onUpdate().label());
        }
      }
      if (!table.checks().isEmpty()) {
        ArrayNode checks = tableNode.putArray("checks");
        for (CheckConstraint check : table.checks()) {
          ObjectNode checkNode = checks.addObject();
          checkNode.put("name", check.name());
          checkNode.put("expression", check.expression());
        }
      }
      if (!table.indexes().isEmpty()) {
        ArrayNode indexes = tableNode.putArray("indexes");
        for (Index index : table.indexes()) {
          ObjectNode indexNode = indexes.addObject();
          indexNode.put("name", index.name());
          putStrings(indexNode, "columns", index.columns());
          indexNode.put("unique", index.unique());
          indexNode.put("method", index.method());
          index.where().ifPresent(where -> indexNode.put("where", where));
        }
      }
    }
    return node;
  }

  private static void putName(ObjectNode node, QualifiedName name) {
    if (!name.inDefaultSchema()) {
      node.put("schema", name.schema());
    }
    node.put("name", name.name());
  }

  private static void putStrings(ObjectNode node, String field, List<String> values) {
    ArrayNode array = node.putArray(field);
    values.forEach(array::add);
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
    Schema schema(JsonNode node, Map<QualifiedName, String> declaredBy) {
      List<EnumType> enums = new ArrayList<>();
      if (node.has("enums")) {
        for (JsonNode typeNode : array(node, "enums")) {
          enums.add(build(() -> new EnumType(name(typeNode), strings(typeNode, "labels"))));
        }
      }
      List<Table> tables = new ArrayList<>();
      for (JsonNode tableNode : array(node, "tables")) {
        QualifiedName name = name(tableNode);
        if (tableNode.has("class")) {
          declaredBy.put(name, text(tableNode, "class"));
        }
        List<Column> columns = new ArrayList<>();
        for (JsonNode columnNode : array(tableNode, "columns")) {
          columns.add(build(() -> new Column(text(columnNode, "name"), text(columnNode, "type"),
              bool(columnNode, "nullable", false), bool(columnNode, "identity", false),
              optionalText(columnNode, "default"), optionalText(columnNode, "comment"))));
        }
        Optional<PrimaryKey> key = Optional.empty();
        if (tableNode.has("primaryKey")) {
          JsonNode keyNode = object(tableNode, "primaryKey");
          key = Optional.of(build(() -> new PrimaryKey(text(keyNode, "name"), strings(keyNode, "columns"))));
        }
        List<UniqueConstraint> uniques = new ArrayList<>();
        for (JsonNode uniqueNode : optionalArray(tableNode, "uniques")) {
          uniques.add(build(() -> new UniqueConstraint(text(uniqueNode, "name"), strings(uniqueNode, "columns"))));
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (JsonNode keyNode : optionalArray(tableNode, "foreignKeys")) {
          foreignKeys.add(build(() -> new ForeignKey(text(keyNode, "name"), strings(keyNode, "columns"),
              name(object(keyNode, "references")), strings(keyNode, "referencedColumns"),
              action(keyNode, "onDelete"), action(keyNode, "onUpdate"))));
        }
        List<CheckConstraint> checks = new ArrayList<>();
        for (JsonNode checkNode : optionalArray(tableNode, "checks")) {
          checks.add(build(() -> new CheckConstraint(text(checkNode, "name"), text(checkNode, "expression"))));
        }
        List<Index> indexes = new ArrayList<>();
        for (JsonNode indexNode : optionalArray(tableNode, "indexes")) {
          indexes.add(build(() -> new Index(text(indexNode, "name"), strings(indexNode, "columns"),
              bool(indexNode, "unique", false), text(indexNode, "method"), optionalText(indexNode, "where"))));
        }
        Optional<PrimaryKey> primaryKey = key;
        tables.add(build(() -> new Table(name, columns, primaryKey, uniques, foreignKeys, checks, indexes,
            optionalText(tableNode, "comment"))));
      }
      return build(() -> new Schema(enums, tables));
    }

    /** Runs a model constructor, turning its consistency checks into messages about this file. */
    private <T> T build(java.util.function.Supplier<T> constructor) {
      try {
        return constructor.get();
      } catch (IllegalArgumentException e) {
        throw new LedgerFormatException(source + ": " + e.getMessage(), e);
      }
    }

    QualifiedName name(JsonNode node) {
      return new QualifiedName(node.has("schema") ? text(node, "schema") : "", text(node, "name"));
    }

    List<String> strings(JsonNode node, String field) {
      List<String> values = new ArrayList<>();
      for (JsonNode value : array(node, field)) {
        if (!value.isTextual()) {
          throw missing(field, "an array of strings");
        }
        values.add(value.asText());
      }
      return values;
    }

    Optional<String> optionalText(JsonNode node, String field) {
      return node.has(field) ? Optional.of(text(node, field)) : Optional.empty();
    }

    Iterable<JsonNode> optionalArray(JsonNode node, String field) {
      return node.has(field) ? array(node, field) : List.of();
    }

    ForeignKey.Action action(JsonNode node, String field) {
      String value = text(node, field);
      try {
        return ForeignKey.Action.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new LedgerFormatException(source + ": unknown " + field + " action '" + value + "'", e);
      }
    }

    /** The optional {@code reverse} of an entry (format 2). */
    Optional<LedgerEntry.Reverse> reverse(JsonNode node, MigrationFileName entry) {
      if (!node.has("reverse")) {
        return Optional.empty();
      }
      JsonNode reverse = object(node, "reverse");
      MigrationFileName from = entry;
      if (reverse.has("from")) {
        String name = text(reverse, "from");
        from = LedgerChecks.migrationFile(name, source);
      }
      List<LedgerEntry.ReverseFile> files = new ArrayList<>();
      for (JsonNode file : array(reverse, "files")) {
        String name = text(file, "file");
        ReverseFileName parsed = ReverseFileName.parse(name).orElseThrow(() ->
            new LedgerFormatException(source + ": '" + name + "' is not a reverse file name (U<version>__<name>.sql)"));
        files.add(new LedgerEntry.ReverseFile(parsed, text(file, "checksum")));
      }
      if (files.isEmpty()) {
        throw new LedgerFormatException(source + ": the reverse of " + entry.fileName() + " lists no files");
      }
      return Optional.of(new LedgerEntry.Reverse(from, files));
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
