package dev.schemacode.processor;

import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.MigrationIndex;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;

/**
 * Writes the Java index of this build's migrations: their file names and checksums as a
 * {@code MigrationIndex} constant, so the runtime resolves migrations without class-path scanning or
 * parsing the ledger, and can tell a stale or missing resource.
 *
 * <p>Plain text rather than JavaPoet: the class is the same few lines for every build, and a
 * compile with nothing to change then loads no JavaPoet at all (in a new javac, loading and
 * interpreting it was about a twentieth of the processor's time on 500 entities). Every type is
 * written fully qualified, so no name the user gives the class can clash with an import.
 */
final class MigrationIndexWriter {
  static final String MIGRATION_INDEX = "dev.schemacode.model.MigrationIndex";
  private static final String INDENT = "    ";

  private MigrationIndexWriter() {}

  /**
   * What one string constant of the index may hold, in bytes of the class file's (modified) UTF-8:
   * the format's limit is 65,535; a margin keeps every constant clear of it.
   */
  static final int MAX_TEXT_BYTES = 60_000;

  /** The source of the index class {@code qualifiedName} (a name without a dot is in the unnamed package). */
  static String source(String qualifiedName, String resourcePath, Ledger ledger) {
    int dot = qualifiedName.lastIndexOf('.');
    String simpleName = qualifiedName.substring(dot + 1);
    StringBuilder java = new StringBuilder();
    if (dot > 0) {
      java.append("package ").append(qualifiedName, 0, dot).append(";\n\n");
    }
    java.append("/**\n")
        .append(" * The migrations this build ships. Apply them with\n")
        .append(" * {@code Migrator.builder().migrations(MigrationSource.index(").append(simpleName).append(".INDEX))}.\n")
        .append(" */\n")
        .append("@javax.annotation.processing.Generated(").append(literal(SchemaProcessor.class.getName())).append(")\n")
        .append("public final class ").append(simpleName).append(" {\n")
        .append(INDENT).append("/**\n")
        .append(INDENT).append(" * Every migration of this build, in order, with its SHA-256: a line each; and the digest of a\n")
        .append(INDENT).append(" * history with all of them applied, with the newest version.\n")
        .append(INDENT).append(" */\n")
        .append(INDENT).append("public static final ").append(MIGRATION_INDEX).append(" INDEX = ")
        .append(MIGRATION_INDEX).append(".parse(").append(literal(resourcePath));
    String continued = INDENT.repeat(3);
    for (String text : texts(ledger)) {
      java.append(",\n").append(continued).append(literal(text));
    }
    java.append(")");
    List<MigrationIndex.Entry> entries = new ArrayList<>();
    for (LedgerEntry entry : ledger.migrations()) {
      entries.add(MigrationIndex.entry(entry.file().fileName(), entry.checksum()));
    }
    MigrationIndex.Summary summary = MigrationIndex.summarise(entries);
    if (summary != null) { // what a fully applied history looks like, so that the runtime need not compute it
      java.append("\n").append(continued).append(".withSummary(").append(literal(summary.digest())).append(", ")
          .append(literal(summary.currentVersion())).append(")");
    }
    java.append(";\n\n")
        .append(INDENT).append("private ").append(simpleName).append("() {\n")
        .append(INDENT).append("}\n")
        .append("}\n");
    return java.toString();
  }

  /**
   * The index's lines ({@link MigrationIndex#line}) in as few string constants as the class-file
   * format allows: one entry call per migration would exceed a method's 64 kB at about 4,600
   * migrations, so the class holds text, whatever the history's length.
   */
  static List<String> texts(Ledger ledger) {
    List<String> texts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int bytes = 0;
    for (LedgerEntry entry : ledger.migrations()) {
      String line = MigrationIndex.line(entry.file().fileName(), entry.checksum());
      int size = modifiedUtf8Length(line);
      if (bytes + size > MAX_TEXT_BYTES && bytes > 0) {
        texts.add(text.toString());
        text.setLength(0);
        bytes = 0;
      }
      text.append(line);
      bytes += size;
    }
    if (bytes > 0) {
      texts.add(text.toString());
    }
    return texts;
  }

  private static int modifiedUtf8Length(String s) {
    int length = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      length += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return length;
  }

  /** A Java string literal of {@code text}: escapes what a literal cannot hold, and writes the rest of ASCII as it is. */
  static String literal(String text) {
    StringBuilder literal = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> literal.append("\\\"");
        case '\\' -> literal.append("\\\\");
        case '\n' -> literal.append("\\n");
        case '\r' -> literal.append("\\r");
        case '\t' -> literal.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            literal.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            literal.append(c);
          }
        }
      }
    }
    return literal.append('"').toString();
  }

  static void write(Filer filer, String qualifiedName, String resourcePath, Ledger ledger) throws IOException {
    String source = source(qualifiedName, resourcePath, ledger);
    try (Writer out = filer.createSourceFile(qualifiedName).openWriter()) {
      out.write(source);
    }
  }
}
