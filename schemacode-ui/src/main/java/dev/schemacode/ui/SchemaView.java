package dev.schemacode.ui;

import dev.schemacode.model.CheckConstraint;
import dev.schemacode.model.Column;
import dev.schemacode.model.EnumType;
import dev.schemacode.model.ForeignKey;
import dev.schemacode.model.Index;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Table;
import dev.schemacode.model.UniqueConstraint;
import java.util.List;
import java.util.Map;

/** The schema view's JSON: every table of the live database with what the structure tab and the diagram show. */
record SchemaView(List<TableView> tables, List<EnumView> enums) {
  record TableView(String name, String schema, String table, String comment, String declaredBy, Long rowEstimate,
      List<ColumnView> columns, KeyView primaryKey, List<KeyView> uniques, List<ForeignKeyView> foreignKeys,
      List<CheckView> checks, List<IndexView> indexes) {}

  record ColumnView(String name, String type, boolean nullable, boolean identity, String defaultExpression,
      String comment, boolean primaryKey) {}

  record KeyView(String name, List<String> columns) {}

  record ForeignKeyView(String name, List<String> columns, String target, List<String> targetColumns,
      String onDelete, String onUpdate) {}

  record CheckView(String name, String expression) {}

  record IndexView(String name, List<String> columns, boolean unique, String method, String where) {}

  record EnumView(String name, List<String> labels) {}

  /** @param declaredBy the entity class of each table, from the ledger when one is on hand */
  static SchemaView of(Catalog.Snapshot snapshot, Map<QualifiedName, String> declaredBy) {
    return new SchemaView(
        snapshot.schema().tables().stream().map(table -> table(table, declaredBy.get(table.name()),
            snapshot.estimate(table.name()).orElse(null))).toList(),
        snapshot.schema().enums().stream().map(SchemaView::enumView).toList());
  }

  private static TableView table(Table table, String declaredBy, Long estimate) {
    List<String> key = table.primaryKey().map(k -> k.columns()).orElse(List.of());
    return new TableView(table.name().toString(), table.name().schema(), table.name().name(),
        table.comment().orElse(null), declaredBy, estimate,
        table.columns().stream().map(column -> column(column, key.contains(column.name()))).toList(),
        table.primaryKey().map(k -> new KeyView(k.name(), k.columns())).orElse(null),
        table.uniques().stream().map(SchemaView::unique).toList(),
        table.foreignKeys().stream().map(SchemaView::foreignKey).toList(),
        table.checks().stream().map(SchemaView::check).toList(),
        table.indexes().stream().map(SchemaView::index).toList());
  }

  private static ColumnView column(Column column, boolean primaryKey) {
    return new ColumnView(column.name(), column.type(), column.nullable(), column.identity(),
        column.defaultExpression().orElse(null), column.comment().orElse(null), primaryKey);
  }

  private static KeyView unique(UniqueConstraint unique) {
    return new KeyView(unique.name(), unique.columns());
  }

  private static ForeignKeyView foreignKey(ForeignKey key) {
    return new ForeignKeyView(key.name(), key.columns(), key.target().toString(), key.targetColumns(),
        key.onDelete().label(), key.onUpdate().label());
  }

  private static CheckView check(CheckConstraint check) {
    return new CheckView(check.name(), check.expression());
  }

  private static IndexView index(Index index) {
    return new IndexView(index.name(), index.columns(), index.unique(), index.method(), index.where().orElse(null));
  }

  private static EnumView enumView(EnumType type) {
    return new EnumView(type.name().toString(), type.labels());
  }
}
