package dev.schemacode.model.introspect;

import dev.schemacode.model.CheckConstraint;
import dev.schemacode.model.Column;
import dev.schemacode.model.Index;
import dev.schemacode.model.Schema;
import dev.schemacode.model.SchemaDiff;
import dev.schemacode.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares a live schema with a declared one. The catalog spells types, defaults and expressions
 * its own way; where a live value means what the declared one says, it takes the declared spelling,
 * so that the remaining {@link SchemaDiff} lists real differences only — and renders the SQL that
 * would make the live schema what was declared.
 */
public final class LiveSchemas {
  private LiveSchemas() {}

  /** The changes that would turn {@code live} into {@code declared}; empty when they match. */
  public static SchemaDiff drift(Schema live, Schema declared) {
    return SchemaDiff.between(align(live, declared), declared);
  }

  /** {@code live} with the declared spelling wherever both mean the same. */
  public static Schema align(Schema live, Schema declared) {
    List<Table> tables = new ArrayList<>();
    for (Table table : live.tables()) {
      Optional<Table> wanted = declared.table(table.name());
      tables.add(wanted.map(w -> align(table, w)).orElse(table));
    }
    return new Schema(live.enums(), tables);
  }

  private static Table align(Table live, Table declared) {
    List<Column> columns = live.columns().stream().map(column -> declared.column(column.name())
        .map(wanted -> align(column, wanted)).orElse(column)).toList();
    List<CheckConstraint> checks = live.checks().stream().map(check -> declared.checks().stream()
        .filter(w -> w.name().equals(check.name()) && Expressions.same(w.expression(), check.expression()))
        .findFirst().orElse(check)).toList();
    List<Index> indexes = live.indexes().stream().map(index -> declared.indexes().stream()
        .filter(w -> w.name().equals(index.name()) && samePredicate(w.where(), index.where()))
        .findFirst().map(w -> new Index(index.name(), index.columns(), index.unique(), index.method(), w.where()))
        .orElse(index)).toList();
    return new Table(live.name(), columns, live.primaryKey(), live.uniques(), live.foreignKeys(), checks, indexes,
        live.comment());
  }

  private static Column align(Column live, Column declared) {
    String type = TypeNames.canonical(live.type()).equals(TypeNames.canonical(declared.type())) ? declared.type() : live.type();
    Optional<String> defaultExpression = live.defaultExpression().isPresent() && declared.defaultExpression().isPresent()
        && Expressions.same(declared.defaultExpression().get(), live.defaultExpression().get())
        ? declared.defaultExpression() : live.defaultExpression();
    return new Column(live.name(), type, live.nullable(), live.identity(), defaultExpression, live.comment());
  }

  private static boolean samePredicate(Optional<String> declared, Optional<String> live) {
    if (declared.isEmpty() || live.isEmpty()) {
      return declared.isEmpty() && live.isEmpty();
    }
    return Expressions.same(declared.get(), live.get());
  }
}
