package dev.schemacode.runtime;

import dev.schemacode.runtime.internal.UrlParts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the database is, parsed from either form users meet: {@code jdbc:postgresql://…} or the
 * {@code postgresql://user:pass@host:port/db?sslmode=require} URL that hosting platforms hand
 * out. The password is kept apart from the URL, so that {@link #toString()} and every message
 * can show the URL without it.
 */
public final class DatabaseUrl {
  private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.%A-Za-z]+]|[^:\\[\\]]+)(?::(\\d*))?");
  /** Parameters that PgJDBC reads as whole seconds and otherwise fails on with a stack trace. */
  private static final java.util.List<String> SECONDS =
      java.util.List.of("connectTimeout", "socketTimeout", "loginTimeout", "cancelSignalTimeout");
  /** libpq parameter names that PgJDBC spells differently. */
  private static final Map<String, String> LIBPQ_TO_JDBC = Map.of(
      "application_name", "ApplicationName",
      "connect_timeout", "connectTimeout",
      "target_session_attrs", "targetServerType",
      "channel_binding", "channelBinding");

  /** What libpq and PgJDBC both accept; anything else would fail later with a less helpful message. */
  private static final java.util.List<String> SSL_MODES =
      java.util.List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

  private final String hosts;
  private final String database;
  private final String user;
  private final String password;
  private final Map<String, String> parameters;

  private DatabaseUrl(String hosts, String database, String user, String password, Map<String, String> parameters) {
    this.hosts = hosts;
    this.database = database;
    this.user = user;
    this.password = password;
    this.parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters)); // keeps URL order
  }

  /** Parses a URL; user and password fall back to {@code PGUSER} and {@code PGPASSWORD}. */
  public static DatabaseUrl parse(String url) {
    return parse(url, System.getenv());
  }

  static DatabaseUrl parse(String url, Map<String, String> environment) {
    if (url == null || url.isBlank()) {
      throw new ConfigurationException("no database URL: pass --url or set DATABASE_URL");
    }
    UrlParts parts = UrlParts.split(url.strip());
    Map<String, String> parameters = new LinkedHashMap<>();
    parts.parameters().forEach((key, value) -> parameters.put(parts.libpq() ? LIBPQ_TO_JDBC.getOrDefault(key, key) : key, value));
    String hosts = checkHosts(parts.hosts());
    String sslmode = parameters.get("sslmode");
    if (sslmode != null && !SSL_MODES.contains(sslmode)) {
      throw UrlParts.malformed(hosts, "sslmode '" + sslmode + "' is not one of " + String.join(", ", SSL_MODES));
    }
    for (String seconds : SECONDS) {
      String value = parameters.get(seconds);
      if (value != null && !value.matches("\\d{1,9}")) {
        throw UrlParts.malformed(hosts, (parts.libpq() && seconds.equals("connectTimeout") ? "connect_timeout" : seconds)
            + " '" + value + "' is not a whole number of seconds");
      }
    }
    String fromQueryUser = parameters.remove("user");
    String fromQueryPassword = parameters.remove("password");
    String user = firstPresent(parts.userInfoUser(), fromQueryUser, environment.get("PGUSER"));
    String password = firstPresent(parts.userInfoPassword(), fromQueryPassword, environment.get("PGPASSWORD"));
    String database = parts.path() == null ? "" : UrlParts.decodeOrNull(parts.path());
    if (database == null) {
      throw UrlParts.malformed(hosts, "bad %-escape in the database name");
    }
    if (database.isEmpty()) {
      database = user != null ? user : "postgres"; // libpq's default: the user's name
    }
    return new DatabaseUrl(hosts, database, user, password, parameters);
  }

  /** Every host is {@code host} or {@code host:port}; the host part comes after the user information, so it may be shown. */
  private static String checkHosts(String hostPart) {
    if (hostPart.isEmpty()) {
      throw UrlParts.malformed(null, "no host; Unix-domain sockets are not supported, give host:port");
    }
    for (String hostPort : hostPart.split(",", -1)) {
      Matcher matcher = HOST_PORT.matcher(hostPort);
      if (!matcher.matches()) {
        throw UrlParts.malformed(hostPart, "'" + hostPort + "' is not host or host:port");
      }
      String port = matcher.group(2);
      if (port != null) {
        if (port.isEmpty() || port.length() > 5 || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
          throw UrlParts.malformed(hostPart, "port '" + port + "' is not a number from 1 to 65535");
        }
      }
    }
    return hostPart;
  }

  private static String firstPresent(String... values) {
    for (String value : values) {
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }

  /**
   * This URL with another user and password (each kept as it is when null), e.g. a migration role
   * configured apart from the URL.
   */
  public DatabaseUrl withCredentials(String user, String password) {
    return new DatabaseUrl(hosts, database, user != null ? user : this.user, password != null ? password : this.password,
        parameters);
  }

  /** The JDBC URL without credentials. */
  public String jdbcUrl() {
    StringBuilder url = new StringBuilder("jdbc:postgresql://").append(hosts).append('/').append(encodePath(database));
    String separator = "?";
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      if (isSecret(parameter.getKey())) {
        continue; // passed as a connection property only
      }
      url.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
      separator = "&";
    }
    return url.toString();
  }

  private static String encodePath(String database) {
    return database.replace("%", "%25").replace("?", "%3F").replace("#", "%23");
  }

  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  public String database() {
    return database;
  }

  /** Removes the password from a message that might carry it, such as a driver exception. */
  public String redact(String message) {
    if (message == null) {
      return "";
    }
    return password == null || password.length() < 3 ? message : message.replace(password, "***");
  }

  /** Opens a connection; failures become one readable line without the password. */
  public Connection connect() {
    Properties properties = connectionProperties();
    try {
      return DriverManager.getConnection(jdbcUrl(), properties);
    } catch (SQLException e) {
      throw new DatabaseUnreachableException("cannot connect to " + this + ": " + redact(describe(e)), null);
    }
  }

  /**
   * The driver properties for {@link #jdbcUrl()}, credentials included: what a connection pool
   * needs ({@code hikariConfig.setDataSourceProperties(url.connectionProperties())}). Do not log them.
   */
  public Properties connectionProperties() {
    Properties properties = new Properties();
    parameters.forEach(properties::setProperty);
    properties.putIfAbsent("ApplicationName", "schemacode");
    properties.putIfAbsent("connectTimeout", "10");
    // Lets the driver send ApplicationName in the start-up packet instead of a SET afterwards: one
    // round trip less on every start (schemacode needs PostgreSQL 10+ anyway).
    properties.putIfAbsent("assumeMinServerVersion", "10");
    // No named server-side prepared statements: through a pooler in transaction mode (PgBouncer
    // before 1.21) the driver's "S_1" would meet another client's on a shared server connection.
    properties.putIfAbsent("prepareThreshold", "0");
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    return properties;
  }

  /** The driver's first line, plus the cause when the driver's own words say little ("The connection attempt failed."). */
  public static String describe(SQLException e) {
    String message = firstLine(e.getMessage()) + detailAndHint(e);
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && !message.contains(firstLine(cause.getMessage()))) {
      String kind = cause instanceof java.net.UnknownHostException ? "unknown host" : cause.getClass().getSimpleName();
      message = message + " (" + kind + ": " + firstLine(cause.getMessage()) + ")";
    }
    return message;
  }

  /**
   * PostgreSQL's DETAIL and HINT, which say which row, key or dependent object it means ("Key
   * (id)=(1) already exists.", "view v depends on column c"): the driver puts them on lines of their
   * own, which one-line messages would drop. Empty when the error did not come from the server.
   */
  public static String detailAndHint(SQLException e) {
    if (!(e instanceof org.postgresql.util.PSQLException psql) || psql.getServerErrorMessage() == null) {
      return "";
    }
    org.postgresql.util.ServerErrorMessage server = psql.getServerErrorMessage();
    StringBuilder more = new StringBuilder();
    if (server.getDetail() != null && !server.getDetail().isBlank()) {
      more.append(" DETAIL: ").append(server.getDetail().strip().replaceAll("\\s*\\R\\s*", " "));
    }
    if (server.getHint() != null && !server.getHint().isBlank()) {
      more.append(" HINT: ").append(server.getHint().strip().replaceAll("\\s*\\R\\s*", " "));
    }
    return more.toString();
  }

  public static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  private static boolean isSecret(String parameter) {
    return parameter.toLowerCase(java.util.Locale.ROOT).contains("password");
  }

  /** {@code postgresql://user@host:port/db?sslmode=require}: everything but the password. */
  @Override
  public String toString() {
    StringBuilder shown = new StringBuilder("postgresql://");
    if (user != null) {
      shown.append(user).append('@');
    }
    shown.append(hosts).append('/').append(database);
    String separator = "?";
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      if (isSecret(parameter.getKey())) {
        continue; // e.g. sslpassword
      }
      shown.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
      separator = "&";
    }
    return shown.toString();
  }
}
