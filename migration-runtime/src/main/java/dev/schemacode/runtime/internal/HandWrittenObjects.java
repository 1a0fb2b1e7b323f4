package dev.schemacode.runtime.internal;

import dev.schemacode.model.CheckConstraint;
import dev.schemacode.model.Column;
import dev.schemacode.model.EnumType;
import dev.schemacode.model.ForeignKey;
import dev.schemacode.model.Index;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Schema;
import dev.schemacode.model.Table;
import dev.schemacode.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What recorded hand-written migrations create: tables, columns, indexes, constraints and enum types,
 * by name. The ledger records the declared schema, and a hand-written migration does not change it,
 * so without this {@code diff} would call everything such a migration made drift ({@code drop table
 * audit_trail}) and offer to drop it.
 *
 * <p>The rule: an object that is not declared, and that a recorded hand-written migration creates
 * under that name, belongs to that migration and is not drift. A declared object is always compared
 * with its declaration, whoever changed it. Names are read from the statements ({@code CREATE
 * TABLE}, {@code CREATE [UNIQUE] INDEX}, {@code CREATE TYPE … AS ENUM}, {@code ALTER TABLE … ADD
 * [COLUMN] …}, {@code ADD CONSTRAINT …}), as PostgreSQL folds them: unquoted to lower case.
 */
public final class HandWrittenObjects {
  private static final String NAME = "(\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*)";
  private static final String QUALIFIED = NAME + "(?:\\s*\\.\\s*" + NAME + ")?";
  private static final Pattern CREATE_TABLE = Pattern.compile("(?is)^create\\s+(?:(?:global|local)\\s+)?"
      + "(?:(?:temp|temporary|unlogged)\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?" + QUALIFIED);
  private static final Pattern CREATE_INDEX = Pattern.compile("(?is)^create\\s+(?:unique\\s+)?index\\s+"
      + "(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?" + NAME + "\\s+on\\b");
  private static final Pattern CREATE_ENUM = Pattern.compile("(?is)^create\\s+type\\s+" + QUALIFIED + "\\s+as\\s+enum\\b");
  private static final Pattern ALTER_TABLE = Pattern.compile("(?is)^alter\\s+table\\s+(?:if\\s+exists\\s+)?"
      + "(?:only\\s+)?" + QUALIFIED);
  private static final Pattern ADD = Pattern.compile("(?is)\\badd\\s+(?:column\\s+)?(?:if\\s+not\\s+exists\\s+)?" + NAME);
  private static final Pattern CONSTRAINT = Pattern.compile("(?is)\\bconstraint\\s+" + NAME);
  private static final Set<String> NOT_COLUMNS = Set.of("constraint", "primary", "unique", "check", "foreign", "exclude");

  private final Set<QualifiedName> tables = new HashSet<>();
  private final Set<QualifiedName> enums = new HashSet<>();
  private final Set<String> indexes = new HashSet<>();
  private final Set<String> constraints = new HashSet<>();
  private final Set<String> columns = new HashSet<>(); // "table.column", table unqualified

  /** Tables the scripts create, as written (schema empty when unqualified). */
  Set<QualifiedName> tables() {
    return java.util.Collections.unmodifiableSet(tables);
  }

  /** Enum types the scripts create, as written. */
  Set<QualifiedName> enums() {
    return java.util.Collections.unmodifiableSet(enums);
  }

  public static HandWrittenObjects in(List<String> scripts) {
    HandWrittenObjects objects = new HandWrittenObjects();
    for (String script : scripts) {
      for (SqlScript.Statement statement : SqlScript.split(script)) {
        objects.read(statement.sql());
      }
    }
    return objects;
  }

  private void read(String sql) {
    Matcher matcher;
    if ((matcher = CREATE_TABLE.matcher(sql)).lookingAt()) {
      tables.add(qualified(matcher.group(1), matcher.group(2)));
      Matcher constraint = CONSTRAINT.matcher(sql);
      while (constraint.find()) {
        constraints.add(name(constraint.group(1)));
      }
    } else if ((matcher = CREATE_INDEX.matcher(sql)).lookingAt()) {
      indexes.add(name(matcher.group(1)));
    } else if ((matcher = CREATE_ENUM.matcher(sql)).lookingAt()) {
      enums.add(qualified(matcher.group(1), matcher.group(2)));
    } else if ((matcher = ALTER_TABLE.matcher(sql)).lookingAt()) {
      String table = qualified(matcher.group(1), matcher.group(2)).name();
      String rest = sql.substring(matcher.end());
      Matcher add = ADD.matcher(rest);
      while (add.find()) {
        String column = name(add.group(1));
        if (!NOT_COLUMNS.contains(column)) {
          columns.add(table + "." + column);
        }
      }
      Matcher constraint = CONSTRAINT.matcher(rest);
      while (constraint.find()) {
        constraints.add(name(constraint.group(1)));
      }
    }
  }

  private static QualifiedName qualified(String first, String second) {
    return second == null ? QualifiedName.of(name(first)) : new QualifiedName(name(first), name(second));
  }

  private static String name(String token) {
    return token.startsWith("\"") ? token.substring(1, token.length() - 1).replace("\"\"", "\"")
        : token.toLowerCase(Locale.ROOT);
  }

  /** A name as written matches a live one in the same schema, or in the connection's when written unqualified. */
  private static boolean matches(Set<QualifiedName> written, QualifiedName live) {
    return written.stream().anyMatch(name -> name.name().equals(live.name())
        && (name.schema().equals(live.schema()) || name.schema().isEmpty() || live.schema().isEmpty()));
  }

  /** The live schema without the objects hand-written migrations own and the recorded schema does not declare. */
  public Schema removeFrom(Schema live, Schema recorded) {
    List<Table> kept = new ArrayList<>();
    for (Table table : live.tables()) {
      Table declared = recorded.table(table.name()).orElse(null);
      if (declared == null) {
        if (!matches(tables, table.name())) {
          kept.add(table);
        }
        continue;
      }
      kept.add(withoutOwned(table, declared));
    }
    List<EnumType> keptEnums = live.enums().stream()
        .filter(type -> recorded.enumType(type.name()).isPresent() || !matches(enums, type.name())).toList();
    return new Schema(keptEnums, kept);
  }

  private Table withoutOwned(Table table, Table declared) {
    String prefix = table.name().name() + ".";
    List<Column> keptColumns = table.columns().stream()
        .filter(c -> declared.column(c.name()).isPresent() || !columns.contains(prefix + c.name())).toList();
    List<Index> keptIndexes = table.indexes().stream()
        .filter(i -> declared.indexes().stream().anyMatch(d -> d.name().equals(i.name())) || !indexes.contains(i.name()))
        .toList();
    List<UniqueConstraint> uniques = table.uniques().stream()
        .filter(u -> declared.uniques().stream().anyMatch(d -> d.name().equals(u.name())) || !constraints.contains(u.name()))
        .toList();
    List<ForeignKey> foreignKeys = table.foreignKeys().stream()
        .filter(f -> declared.foreignKeys().stream().anyMatch(d -> d.name().equals(f.name())) || !constraints.contains(f.name()))
        .toList();
    List<CheckConstraint> checks = table.checks().stream()
        .filter(c -> declared.checks().stream().anyMatch(d -> d.name().equals(c.name())) || !constraints.contains(c.name()))
        .toList();
    try {
      return new Table(table.name(), keptColumns, table.primaryKey(), uniques, foreignKeys, checks, keptIndexes,
          table.comment());
    } catch (IllegalArgumentException e) {
      // a declared key, constraint or index uses an owned column: the table differs from its declaration anyway
      return table;
    }
  }
}
