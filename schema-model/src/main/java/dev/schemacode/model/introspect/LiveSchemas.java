package dev.schemacode.model.introspect;

import dev.schemacode.model.CheckConstraint;
import dev.schemacode.model.Column;
import dev.schemacode.model.Index;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Renames;
import dev.schemacode.model.Schema;
import dev.schemacode.model.SchemaDiff;
import dev.schemacode.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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
    return drift(live, declared, Deparser.NONE);
  }

  /**
   * As {@link #drift(Schema, Schema)}, asking {@code deparser} (the live server) how it prints a
   * declared check, default or index predicate whenever text normalization finds it different from
   * the live one: {@code status IN ('A', 'B')} is then the same as the catalog's
   * {@code status = ANY (ARRAY['A'::text, 'B'::text])}.
   */
  public static SchemaDiff drift(Schema live, Schema declared, Deparser deparser) {
    return SchemaDiff.between(align(live, declared, deparser), declared);
  }

  /**
   * As {@link #drift(Schema, Schema, Deparser)}, with the renames the code states ({@code @RenamedFrom}):
   * a live table or column under its old name is compared with the declared one and renamed, not
   * dropped and added ({@code schemacode push}). A rename whose old name the live schema does not
   * have is no change.
   */
  public static SchemaDiff drift(Schema live, Schema declared, Renames renames, Deparser deparser) {
    return SchemaDiff.between(align(live, declared, renames, deparser), declared, renames);
  }

  /** {@code live} with the declared spelling wherever both mean the same. */
  public static Schema align(Schema live, Schema declared) {
    return align(live, declared, Deparser.NONE);
  }

  static Schema align(Schema live, Schema declared, Deparser deparser) {
    return align(live, declared, Renames.NONE, deparser);
  }

  private static Schema align(Schema live, Schema declared, Renames renames, Deparser deparser) {
    List<Table> tables = new ArrayList<>();
    for (Table table : live.tables()) {
      Optional<Table> wanted = declared.table(table.name());
      if (wanted.isEmpty()) { // under its old name?
        wanted = renames.tables().entrySet().stream().filter(e -> e.getValue().equals(table.name())).findFirst()
            .flatMap(e -> declared.table(e.getKey()));
      }
      tables.add(wanted.map(w -> align(table, w, renames.columns().getOrDefault(w.name(), Map.of()), deparser))
          .orElse(table));
    }
    return new Schema(live.enums(), tables);
  }

  /** @param renamed the declared table's column renames: new name → old name */
  private static Table align(Table live, Table declared, Map<String, String> renamed, Deparser deparser) {
    QualifiedName name = live.name();
    List<Column> columns = live.columns().stream().map(column -> declared.column(column.name())
        .or(() -> renamed.entrySet().stream().filter(e -> e.getValue().equals(column.name())).findFirst()
            .flatMap(e -> declared.column(e.getKey())))
        .map(wanted -> align(name, column, wanted, deparser)).orElse(column)).toList();
    List<CheckConstraint> checks = live.checks().stream().map(check -> declared.checks().stream()
        .filter(w -> w.name().equals(check.name())
            && same(w.expression(), check.expression(), () -> deparser.check(name, w.expression())))
        .findFirst().orElse(check)).toList();
    List<Index> indexes = live.indexes().stream().map(index -> declared.indexes().stream()
        .filter(w -> w.name().equals(index.name()) && samePredicate(name, w.where(), index.where(), deparser))
        .findFirst().map(w -> new Index(index.name(), index.columns(), index.unique(), index.method(), w.where()))
        .orElse(index)).toList();
    return new Table(live.name(), columns, live.primaryKey(), live.uniques(), live.foreignKeys(), checks, indexes,
        live.comment());
  }

  private static Column align(QualifiedName table, Column live, Column declared, Deparser deparser) {
    String type = TypeNames.canonical(live.type()).equals(TypeNames.canonical(declared.type())) ? declared.type() : live.type();
    Optional<String> defaultExpression = live.defaultExpression().isPresent() && declared.defaultExpression().isPresent()
        && same(declared.defaultExpression().get(), live.defaultExpression().get(),
            () -> deparser.columnDefault(table, live.name(), declared.defaultExpression().get()))
        ? declared.defaultExpression() : live.defaultExpression();
    return new Column(live.name(), type, live.nullable(), live.identity(), defaultExpression, live.comment());
  }

  private static boolean samePredicate(QualifiedName table, Optional<String> declared, Optional<String> live,
      Deparser deparser) {
    if (declared.isEmpty() || live.isEmpty()) {
      return declared.isEmpty() && live.isEmpty();
    }
    return same(declared.get(), live.get(), () -> deparser.indexPredicate(table, declared.get()));
  }

  /** The same text once normalized; failing that, the same as the server prints the declared one. */
  private static boolean same(String declared, String live, Supplier<Optional<String>> printed) {
    return Expressions.same(declared, live) || printed.get().map(p -> Expressions.same(p, live)).orElse(false);
  }
}
