package dev.schemacode.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of PostgreSQL that reads the frontend protocol and counts, for whatever
 * client talks through it (schemacode, Flyway, Liquibase, jOOQ): connections; round trips, the
 * times the client sends a {@code Query} or {@code Sync} and then stops to wait for the answer (a
 * message the driver pipelines in the same write as the next ones, as PgJDBC sends {@code BEGIN},
 * is no round trip); and statements, the {@code Query} and {@code Execute} messages. Connection
 * start-up (and authentication) is counted separately. This measures what the driver really sends,
 * hidden queries included; it needs {@code sslmode=disable}. It adds latency: count with it, never
 * time through it. Used by the runtime's round-trip tests and by the benchmarks.
 */
public final class WireCounter implements AutoCloseable {
  private static final int SSL_REQUEST = 80877103;
  private static final int GSS_REQUEST = 80877104;
  private static final int CANCEL_REQUEST = 80877102;
  /** The SQL kept for messages: enough for any test, bounded for a benchmark's thousands of statements. */
  private static final int KEEP_SQL = 2_000;

  private final ServerSocket server;
  private final String upstreamHost;
  private final int upstreamPort;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger roundTrips = new AtomicInteger();
  private final AtomicInteger statementCount = new AtomicInteger();
  private final AtomicInteger dataRows = new AtomicInteger();
  private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

  public WireCounter(String upstreamHost, int upstreamPort) throws IOException {
    this.upstreamHost = upstreamHost;
    this.upstreamPort = upstreamPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "wire-counter");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static final java.util.regex.Pattern HOST_PORT = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/");

  /** A counter in front of the test database's server. */
  public static WireCounter inFrontOf(TestDatabase database) throws IOException {
    java.util.regex.Matcher matcher = HOST_PORT.matcher(database.jdbcUrl());
    if (!matcher.find()) {
      throw new IllegalStateException("unexpected test URL " + database.jdbcUrl());
    }
    return new WireCounter(matcher.group(1), matcher.group(2) == null ? 5432 : Integer.parseInt(matcher.group(2)));
  }

  /** The test database's URL through this counter (plain TCP: the counter reads the protocol). */
  public String jdbcUrl(TestDatabase database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database.name()
        + "?sslmode=disable&gssEncMode=disable&user=" + database.user()
        + (database.password().isEmpty() ? "" : "&password=" + database.password());
  }

  public int port() {
    return server.getLocalPort();
  }

  public int connections() {
    return connections.get();
  }

  public int roundTrips() {
    return roundTrips.get();
  }

  /** {@code Query} and {@code Execute} messages since the last reset. */
  public int statementCount() {
    return statementCount.get();
  }

  /** Rows the server sent ({@code DataRow} messages) since the last reset: what a client read, whatever it asked. */
  public int dataRows() {
    return dataRows.get();
  }

  /**
   * The SQL the client sent (queries and parsed statements) since the last reset, with {@code
   * <waits>} where it waited, for messages; the first {@value #KEEP_SQL} entries.
   */
  public List<String> statements() {
    synchronized (statements) {
      return List.copyOf(statements);
    }
  }

  public void reset() {
    connections.set(0);
    roundTrips.set(0);
    statementCount.set(0);
    dataRows.set(0);
    statements.clear();
  }

  private void keep(String text) {
    synchronized (statements) {
      if (statements.size() < KEEP_SQL) {
        statements.add(text);
      }
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(upstreamHost, upstreamPort);
        client.setTcpNoDelay(true); // small writes must not wait for ACKs: that would be all we measure
        upstream.setTcpNoDelay(true);
        daemon(() -> frontend(client, upstream));
        daemon(() -> backend(upstream, client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void daemon(Runnable work) {
    Thread thread = new Thread(work, "wire-counter-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  private void frontend(Socket client, Socket upstream) {
    try (DataInputStream in = new DataInputStream(client.getInputStream());
        DataOutputStream out = new DataOutputStream(upstream.getOutputStream())) {
      // Untyped start-up messages: SSL/GSS requests (answered with one byte), then the start-up message.
      while (true) {
        int length = in.readInt();
        int code = in.readInt();
        byte[] rest = in.readNBytes(length - 8);
        // In one write: PgBouncer refuses a start-up packet that arrives in pieces ("partial pkt").
        out.write(ByteBuffer.allocate(length).putInt(length).putInt(code).put(rest).array());
        out.flush();
        if (code == CANCEL_REQUEST) {
          return;
        }
        if (code != SSL_REQUEST && code != GSS_REQUEST) {
          connections.incrementAndGet();
          break;
        }
      }
      while (true) {
        int type = in.read();
        if (type < 0) {
          return;
        }
        int length = in.readInt();
        byte[] body = in.readNBytes(length - 4);
        // Nothing more in the socket after a Query or Sync: the client is waiting for the server. (It
        // cannot have sent its next request yet: that needs the answer, which needs this forwarded.)
        boolean waits = (type == 'Q' || type == 'S') && in.available() == 0;
        if (type == 'Q' || type == 'E') {
          statementCount.incrementAndGet();
        }
        if (type == 'Q') {
          keep(cString(body, 0));
        }
        if (waits) {
          roundTrips.incrementAndGet();
          keep("<waits>");
        }
        if (type == 'P') {
          int nameEnd = indexOfZero(body, 0);
          keep(cString(body, nameEnd + 1));
        }
        out.write(ByteBuffer.allocate(1 + length).put((byte) type).putInt(length).put(body).array());
        out.flush();
      }
    } catch (IOException e) {
      // the connection ended
    } finally {
      closeQuietly(client);
      closeQuietly(upstream);
    }
  }

  /**
   * The server's side, passed on message by message to count rows. Before its first message proper
   * (authentication, or an error) the server may answer an SSL or GSS request with one byte; anything
   * else there (a TLS handshake) is passed on as it is, uncounted.
   */
  private void backend(Socket from, Socket to) {
    try (DataInputStream in = new DataInputStream(from.getInputStream()); OutputStream raw = to.getOutputStream();
        OutputStream out = new java.io.BufferedOutputStream(raw, 1 << 16)) {
      boolean started = false;
      while (true) {
        int type = in.read();
        if (type < 0) {
          return;
        }
        if (!started && type != 'R' && type != 'E') {
          out.write(type);
          out.flush();
          if (type == 'N') {
            continue; // SSL or GSS encryption refused: the start-up message comes next, in the clear
          }
          in.transferTo(raw); // accepted ('S', 'G'): an encrypted stream, passed on unbuffered
          return;
        }
        started = true;
        int length = in.readInt();
        byte[] body = in.readNBytes(length - 4);
        if (type == 'D') {
          dataRows.incrementAndGet();
        }
        out.write(ByteBuffer.allocate(1 + length).put((byte) type).putInt(length).put(body).array());
        if (in.available() == 0) {
          out.flush();
        }
      }
    } catch (IOException e) {
      // the connection ended
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static String cString(byte[] bytes, int start) {
    return new String(bytes, start, indexOfZero(bytes, start) - start, StandardCharsets.UTF_8);
  }

  private static int indexOfZero(byte[] bytes, int start) {
    int i = start;
    while (i < bytes.length && bytes[i] != 0) {
      i++;
    }
    return i;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
