package dev.schemacode.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Splits a {@code jdbc:postgresql://host:port/database?params} URL so its database can be swapped. */
final class JdbcUrls {
  private static final String PREFIX = "jdbc:postgresql://";

  private JdbcUrls() {}

  /** The URL with its database replaced by the placeholder, user and password moved out. */
  static PostgresServer server(String jdbcUrl, String description) {
    if (!jdbcUrl.startsWith(PREFIX)) {
      throw new IllegalArgumentException("SCHEMACODE_TEST_JDBC_URL must start with " + PREFIX
          + ", e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    }
    String rest = jdbcUrl.substring(PREFIX.length());
    int query = rest.indexOf('?');
    String hostAndPath = query < 0 ? rest : rest.substring(0, query);
    Map<String, String> parameters = new LinkedHashMap<>();
    if (query >= 0) {
      for (String pair : rest.substring(query + 1).split("&")) {
        if (!pair.isEmpty()) {
          int equals = pair.indexOf('=');
          parameters.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
        }
      }
    }
    int slash = hostAndPath.indexOf('/');
    String hosts = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
    String user = parameters.remove("user");
    String password = parameters.remove("password");
    StringBuilder template = new StringBuilder(PREFIX).append(hosts).append('/')
        .append(PostgresServer.DATABASE_PLACEHOLDER);
    String separator = "?";
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      template.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
      separator = "&";
    }
    return new PostgresServer(template.toString(),
        user == null ? System.getProperty("user.name") : user,
        password == null ? "" : password,
        description + " at " + hosts);
  }
}
