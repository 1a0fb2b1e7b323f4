package dev.schemacode.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The schema the entity declarations of one build describe, written by the processor into the class
 * output on every build ({@link #FILE_NAME}, beside the ledger it ships): what {@code schemacode push}
 * makes a development database match, without a migration. Unlike the ledger's schema it is current
 * even when no migration was generated for it yet (a build with {@code -Aschemacode.mode=push}).
 *
 * @param schema the declared schema, the whole of it (tables of classes a partial compilation did not see included)
 * @param renames what {@code @RenamedFrom} states, so that a push renames instead of dropping and adding
 * @param declaredBy the Java class that declares each table
 * @param ledgerHead the head of the ledger this build read: the declared schema equals the ledger's
 *     schema at that head exactly when the build had no migration left to generate
 */
public record DeclaredSchema(Schema schema, Renames renames, Map<QualifiedName, String> declaredBy, String ledgerHead) {
  public static final String FILE_NAME = "schemacode-declared.json";

  public DeclaredSchema {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(renames, "renames");
    Objects.requireNonNull(ledgerHead, "ledgerHead");
    declaredBy = Collections.unmodifiableMap(new TreeMap<>(declaredBy));
  }
}
