package dev.schemacode.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * N generated entity classes for the processor benchmark, annotated for schemacode and for
 * Jakarta Persistence alike, so that the same sources feed javac alone, javac with the schemacode
 * processor, and javac with Hibernate's metamodel generator. Each has 10 to 20 columns of mixed
 * types: an identity key, a unique {@code varchar}, foreign keys to two earlier entities, a
 * class-level two-column index and a field-level index, a shared Java enum, decimals, dates, UUIDs
 * and nullable columns.
 */
final class Entities {
  static final String PACKAGE = "bench.model";

  private Entities() {}

  /** Writes the sources; {@code changed} adds one nullable column to entity {@link #changed(int)}. */
  static List<Path> write(Path root, int n, boolean changed) throws IOException {
    Path dir = root.resolve(PACKAGE.replace('.', '/'));
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    Path status = dir.resolve("Status.java");
    Files.writeString(status, "package " + PACKAGE + ";\n\npublic enum Status { NEW, ACTIVE, CLOSED }\n");
    files.add(status);
    for (int i = 1; i <= n; i++) {
      Path file = dir.resolve(name(i) + ".java");
      Files.writeString(file, source(i, changed && i == changed(n)), StandardCharsets.UTF_8);
      files.add(file);
    }
    return files;
  }

  static int changed(int n) {
    return n / 2;
  }

  static String name(int i) {
    return String.format(Locale.ROOT, "E%04d", i);
  }

  static String source(int i, boolean changed) {
    String name = name(i);
    String table = name.toLowerCase(Locale.ROOT);
    StringBuilder s = new StringBuilder("package " + PACKAGE + ";\n\n");
    s.append("""
        import dev.schemacode.annotations.Column;
        import dev.schemacode.annotations.Id;
        import dev.schemacode.annotations.Identity;
        import dev.schemacode.annotations.Index;
        import dev.schemacode.annotations.References;
        import dev.schemacode.annotations.ReferentialAction;
        import dev.schemacode.annotations.Table;
        import dev.schemacode.annotations.Unique;
        import jakarta.persistence.Entity;
        import jakarta.persistence.EnumType;
        import jakarta.persistence.Enumerated;
        import jakarta.persistence.GeneratedValue;
        import jakarta.persistence.GenerationType;
        import java.math.BigDecimal;
        import java.time.Instant;
        import java.time.LocalDate;
        import java.util.UUID;
        import org.jspecify.annotations.Nullable;

        """);
    s.append("/** Generated entity ").append(i).append(". */\n");
    s.append("@Table\n@Index(columns = {\"code\", \"created_at\"})\n@Entity\n");
    s.append("@jakarta.persistence.Table(name = \"").append(table).append("\", indexes = @jakarta.persistence.Index(name = \"")
        .append(table).append("_code_created_at_idx\", columnList = \"code, created_at\"))\n");
    s.append("public class ").append(name).append(" {\n");
    s.append("  @Id @Identity @jakarta.persistence.Id @GeneratedValue(strategy = GenerationType.IDENTITY) long id;\n");
    s.append("  @Unique @Column(length = 64) @jakarta.persistence.Column(length = 64, unique = true) String code;\n");
    s.append("  @jakarta.persistence.Column(name = \"created_at\") Instant createdAt;\n");
    int columns = 3;
    if (i > 1) {
      s.append("  @References(").append(name(i - 1)).append(".class) @jakarta.persistence.Column(name = \"parent_id\") long parentId;\n");
      columns++;
    }
    if (i > 2) {
      s.append("  @References(value = ").append(name(i / 2)).append(".class, onDelete = ReferentialAction.SET_NULL)")
          .append(" @jakarta.persistence.Column(name = \"owner_id\") @Nullable Long ownerId;\n");
      columns++;
    }
    int target = 10 + (i * 7) % 11; // 10..20 columns
    for (int c = 0; columns < target; c++, columns++) {
      switch (c % 10) {
        case 0 -> s.append("  @Nullable String note").append(c).append(";\n");
        case 1 -> s.append("  int quantity").append(c).append(";\n");
        case 2 -> s.append("  @Column(precision = 12, scale = 2) @jakarta.persistence.Column(precision = 12, scale = 2)")
            .append(" BigDecimal amount").append(c).append(";\n");
        case 3 -> s.append("  boolean flag").append(c).append(";\n");
        case 4 -> s.append("  @Nullable LocalDate day").append(c).append(";\n");
        case 5 -> s.append("  UUID reference").append(c).append(";\n");
        case 6 -> s.append("  @Index Instant updatedAt").append(c).append(";\n");
        case 7 -> s.append("  @Enumerated(EnumType.STRING) Status status").append(c).append(";\n");
        case 8 -> s.append("  long counter").append(c).append(";\n");
        default -> s.append("  @Nullable Double ratio").append(c).append(";\n");
      }
    }
    if (changed) {
      s.append("  @Nullable String addedNote;\n");
    }
    s.append("}\n");
    return s.toString();
  }
}
