package dev.schemacode.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes {@link DeclaredSchema#FILE_NAME}: the schema section in the ledger's own layout,
 * plus the renames. Deterministic (sorted, fixed field order, {@code \n} endings), so that two builds
 * of the same declarations write byte-identical files.
 */
public final class DeclaredSchemaCodec {
  public static final int FORMAT = 1;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DeclaredSchemaCodec() {}

  public static String write(DeclaredSchema declared) {
    ObjectNode root = NODES.objectNode();
    root.put("format", FORMAT);
    root.put("ledgerHead", declared.ledgerHead());
    ObjectNode renames = root.putObject("renames");
    ArrayNode tables = renames.putArray("tables");
    declared.renames().tables().forEach((to, from) -> {
      ObjectNode node = tables.addObject();
      putName(node, to);
      putName(node.putObject("from"), from);
    });
    ArrayNode columns = renames.putArray("columns");
    declared.renames().columns().forEach((table, byColumn) -> new TreeMap<>(byColumn).forEach((to, from) -> {
      ObjectNode node = columns.addObject();
      putName(node.putObject("table"), table);
      node.put("column", to);
      node.put("from", from);
    }));
    ArrayNode values = renames.putArray("enumValues");
    declared.renames().enumValues().forEach((type, byLabel) -> new TreeMap<>(byLabel).forEach((to, from) -> {
      ObjectNode node = values.addObject();
      putName(node.putObject("type"), type);
      node.put("label", to);
      node.put("from", from);
    }));
    root.set("schema", LedgerCodec.schemaTree(declared.schema(), declared.declaredBy()));
    return LedgerCodec.pretty(root);
  }

  /**
   * @param source names the file in messages
   * @throws LedgerFormatException when the text is not a declared schema this version reads
   */
  public static DeclaredSchema read(String json, String source) {
    JsonNode root = LedgerCodec.tree(json, source);
    LedgerCodec.Fields fields = LedgerCodec.fields(source);
    int format = fields.integer(root, "format");
    if (format > FORMAT) {
      throw new LedgerFormatException(source + " has format " + format + ", written by a newer schemacode;"
          + " this version reads format " + FORMAT + " and older");
    }
    JsonNode renames = fields.object(root, "renames");
    Map<QualifiedName, QualifiedName> tables = new TreeMap<>();
    for (JsonNode node : fields.optionalArray(renames, "tables")) {
      tables.put(fields.name(node), fields.name(fields.object(node, "from")));
    }
    Map<QualifiedName, Map<String, String>> columns = new TreeMap<>();
    for (JsonNode node : fields.optionalArray(renames, "columns")) {
      columns.computeIfAbsent(fields.name(fields.object(node, "table")), t -> new TreeMap<>())
          .put(fields.text(node, "column"), fields.text(node, "from"));
    }
    Map<QualifiedName, Map<String, String>> values = new TreeMap<>();
    for (JsonNode node : fields.optionalArray(renames, "enumValues")) {
      values.computeIfAbsent(fields.name(fields.object(node, "type")), t -> new TreeMap<>())
          .put(fields.text(node, "label"), fields.text(node, "from"));
    }
    Map<QualifiedName, String> declaredBy = new TreeMap<>();
    Schema schema = LedgerCodec.schemaOf(fields.object(root, "schema"), source, declaredBy);
    return new DeclaredSchema(schema, new Renames(tables, columns, values), declaredBy, fields.text(root, "ledgerHead"));
  }

  private static void putName(ObjectNode node, QualifiedName name) {
    if (!name.inDefaultSchema()) {
      node.put("schema", name.schema());
    }
    node.put("name", name.name());
  }
}
