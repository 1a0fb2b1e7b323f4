package dev.schemacode.testkit.evolution;

import dev.schemacode.model.Column;
import dev.schemacode.model.EnumType;
import dev.schemacode.model.PostgresRenderer;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Schema;
import dev.schemacode.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Enum types exist while a column uses them, as with the processor, which declares the type of
 * every Java enum a field uses and no other.
 */
final class Enums {
  private Enums() {}

  /** {@code mood} → {@code mood}, {@code s2.tier} → schema {@code s2}, name {@code tier}. */
  static QualifiedName name(String sql) {
    int dot = sql.indexOf('.');
    return dot < 0 ? QualifiedName.of(sql) : new QualifiedName(sql.substring(0, dot), sql.substring(dot + 1));
  }

  static String sqlName(QualifiedName name) {
    return PostgresRenderer.typeName(name);
  }

  /** The enum types the tables use: those already there keep their labels, new ones start with theirs. */
  static Schema used(List<EnumType> existing, List<Table> tables) {
    List<EnumType> enums = new ArrayList<>();
    for (String type : Types.INITIAL_LABELS.keySet()) {
      boolean used = tables.stream().flatMap(t -> t.columns().stream()).map(Column::type)
          .anyMatch(t -> Types.enumOf(t).filter(type::equals).isPresent());
      if (used) {
        Optional<EnumType> current = existing.stream().filter(e -> e.name().equals(name(type))).findFirst();
        enums.add(current.orElse(new EnumType(name(type), Types.INITIAL_LABELS.get(type))));
      }
    }
    return new Schema(enums, tables);
  }

  /** The current type's name of columns whose type is this enum type, or an array of it. */
  static boolean uses(Column column, String type) {
    return Types.enumOf(column.type()).filter(type::equals).isPresent();
  }
}
