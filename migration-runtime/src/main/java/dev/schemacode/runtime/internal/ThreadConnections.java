package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.DatabaseUnreachableException;
import dev.schemacode.runtime.DatabaseUrl;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * For a fleet of schemas in one database: one connection per fleet thread, kept from one target to
 * the next, so that a thousand tenants cost a handful of connections and connects, and the server
 * never sees more than the fleet's parallelism (closing and reopening would leave exiting server
 * processes behind for a moment). A {@link Session} gets a view whose {@code close()} keeps the
 * connection; everything a session changes it restores (auto-commit, timeouts, {@code search_path}),
 * and {@code SET LOCAL} ends with each transaction. A target that failed drops its thread's connection,
 * so the next one starts from a fresh session whatever state the failure left.
 */
public final class ThreadConnections implements ConnectionFactory, AutoCloseable {
  private final DatabaseUrl url;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();
  private final List<Connection> all = new ArrayList<>();

  public ThreadConnections(DatabaseUrl url) {
    this.url = url;
  }

  @Override
  public Connection open() {
    Connection connection = current.get();
    try {
      if (connection == null || connection.isClosed()) {
        connection = url.connect();
        current.set(connection);
        synchronized (all) {
          all.add(connection);
        }
      }
    } catch (SQLException e) {
      throw new DatabaseUnreachableException("cannot connect to " + url + ": " + redact(DatabaseUrl.describe(e)), null);
    }
    return keptOpen(connection);
  }

  /** After a target failed: this thread's next target gets a new connection. */
  public void discard() {
    Connection connection = current.get();
    current.remove();
    if (connection != null) {
      synchronized (all) {
        all.remove(connection); // a fleet where many targets fail would otherwise keep every closed connection
      }
      try {
        connection.close();
      } catch (SQLException ignored) {
        // it was broken anyway
      }
    }
  }

  private static Connection keptOpen(Connection connection) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close") && method.getParameterCount() == 0) {
            return null;
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  public String redact(String message) {
    return url.redact(message);
  }

  @Override
  public String describeFailure(SQLException e) {
    return "database error on " + url + ": " + redact(DatabaseUrl.describe(e));
  }

  @Override
  public void close() {
    synchronized (all) {
      for (Connection connection : all) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // closing anyway
        }
      }
      all.clear();
    }
  }
}
