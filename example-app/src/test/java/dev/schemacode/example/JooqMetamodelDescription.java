package dev.schemacode.example;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.Check;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Index;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.UniqueKey;

/**
 * A jOOQ metamodel written out as one line per table, column, key, index and check, so that two
 * metamodels compare as sets of lines and a difference reads as what it is.
 */
final class JooqMetamodelDescription {
  private JooqMetamodelDescription() {}

  static TreeSet<String> describe(DSLContext ctx, List<? extends Table<?>> tables) {
    TreeSet<String> lines = new TreeSet<>();
    for (Table<?> table : tables) {
      String t = table.getName();
      lines.add("table " + t + " schema=" + (table.getSchema() == null ? "(none)" : table.getSchema().getName())
          + " comment=" + table.getComment());
      for (Field<?> field : table.fields()) {
        DataType<?> type = field.getDataType();
        lines.add("column " + t + "." + field.getName() + " " + type.getCastTypeName(ctx.configuration())
            + (type.nullable() ? "" : " not null") + (type.identity() ? " identity" : "")
            + (type.defaulted() ? " default " + ctx.renderInlined(type.defaultValue()) : "")
            + " java=" + field.getType().getSimpleName() + " comment=" + field.getComment());
      }
      UniqueKey<?> pk = table.getPrimaryKey();
      if (pk != null) {
        lines.add("primary key " + t + "." + pk.getName() + " " + names(pk.getFields()));
      }
      for (UniqueKey<?> key : table.getUniqueKeys()) {
        lines.add("unique " + t + "." + key.getName() + " " + names(key.getFields()));
      }
      for (ForeignKey<?, ?> key : table.getReferences()) {
        lines.add("foreign key " + t + "." + key.getName() + " " + names(key.getFields()) + " -> "
            + key.getKey().getTable().getName() + "." + key.getKey().getName() + " " + names(key.getKeyFields())
            + rules(key));
      }
      for (Index index : table.getIndexes()) {
        lines.add("index " + t + "." + index.getName() + (index.getUnique() ? " unique " : " ")
            + index.getFields().stream().map(SortField::getName).collect(Collectors.joining(", ", "(", ")")));
      }
      for (Check<?> check : table.getChecks()) {
        lines.add("check " + t + "." + check.getName() + " " + ctx.renderInlined(check.condition()));
      }
    }
    return lines;
  }

  /**
   * The key's {@code ON DELETE} and {@code ON UPDATE} rules where jOOQ keeps them (3.20+: {@code getDeleteRule()},
   * read reflectively so that this compiles against 3.19 too).
   */
  private static String rules(ForeignKey<?, ?> key) {
    try {
      return " on delete " + ForeignKey.class.getMethod("getDeleteRule").invoke(key)
          + " on update " + ForeignKey.class.getMethod("getUpdateRule").invoke(key);
    } catch (NoSuchMethodException e) {
      return "";
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static String names(List<? extends Field<?>> fields) {
    return fields.stream().map(Field::getName).collect(Collectors.joining(", ", "(", ")"));
  }
}
