package dev.schemacode.bench.tools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Schemacode's own floor: one connection (or one borrowed from the pool) and the one query its
 * start-up check sends, the call of the history's check function with the digest the index
 * expects, sent by hand as {@link ConnectRunner} sends {@code SELECT 1}. What the check costs
 * beyond this row is the runtime's client code; what this row costs beyond {@code SELECT 1} is the
 * server answering the question (the summary row, the history's triggers).
 */
public final class CheckQueryRunner implements Runner {
  /** The function's name for the default history table ({@code schemacode_history} + {@code _matches}). */
  private static final String CHECK_FUNCTION = "\"schemacode_history_matches\"";
  /** The query for the last migrations jar asked about (each history length has its own class loader). */
  private static volatile Known known;

  private record Known(ClassLoader loader, String sql) {}

  @Override
  public void migrate(Target target) throws Exception {
    String query = sql(target.loader());
    try (Connection connection = target.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      if (!rows.next() || !rows.getBoolean(1)) {
        throw new IllegalStateException("the check did not match: the database does not hold the index's history");
      }
    }
  }

  private static String sql(ClassLoader loader) throws IOException {
    Known last = known;
    if (last == null || last.loader() != loader) {
      try (InputStream in = loader.getResourceAsStream(CHECK_DIGEST)) {
        if (in == null) {
          throw new IllegalStateException("no " + CHECK_DIGEST + " in the migrations jar");
        }
        last = new Known(loader,
            "SELECT " + CHECK_FUNCTION + "(X'" + new String(in.readAllBytes(), StandardCharsets.UTF_8).strip() + "')");
      }
      known = last;
    }
    return last.sql();
  }
}
