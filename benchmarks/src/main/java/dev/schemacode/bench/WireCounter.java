package dev.schemacode.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of PostgreSQL that reads the frontend protocol and counts, for whatever
 * client talks through it (schemacode, Flyway, Liquibase, jOOQ): connections; round trips, the
 * times the client sends a {@code Query} or {@code Sync} and then stops to wait for the answer; and
 * statements, the {@code Query} and {@code Execute} messages. The same technique as the runtime's
 * {@code StartupRoundTripsTest}: what the drivers really send, hidden queries included. Needs
 * {@code sslmode=disable}. Only for counting runs: it adds latency, so timed runs never use it.
 */
final class WireCounter implements AutoCloseable {
  private static final int SSL_REQUEST = 80877103;
  private static final int GSS_REQUEST = 80877104;
  private static final int CANCEL_REQUEST = 80877102;
  private static final int KEEP_SQL = 400;

  private final ServerSocket server;
  private final String upstreamHost;
  private final int upstreamPort;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger roundTrips = new AtomicInteger();
  private final AtomicInteger statements = new AtomicInteger();
  private final List<String> sql = new ArrayList<>();

  WireCounter(String upstreamHost, int upstreamPort) throws IOException {
    this.upstreamHost = upstreamHost;
    this.upstreamPort = upstreamPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "wire-counter");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  int roundTrips() {
    return roundTrips.get();
  }

  int statements() {
    return statements.get();
  }

  /** The first few hundred SQL texts the clients parsed or sent, for the curious. */
  List<String> sql() {
    synchronized (sql) {
      return List.copyOf(sql);
    }
  }

  void reset() {
    connections.set(0);
    roundTrips.set(0);
    statements.set(0);
    synchronized (sql) {
      sql.clear();
    }
  }

  private void keep(String text) {
    synchronized (sql) {
      if (sql.size() < KEEP_SQL) {
        sql.add(text.replaceAll("\\s+", " "));
      }
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(upstreamHost, upstreamPort);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        daemon(() -> frontend(client, upstream));
        daemon(() -> copy(upstream, client));
      } catch (IOException e) {
        return;
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
      while (true) {
        int length = in.readInt();
        int code = in.readInt();
        byte[] rest = in.readNBytes(length - 8);
        out.writeInt(length);
        out.writeInt(code);
        out.write(rest);
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
        boolean waits = (type == 'Q' || type == 'S') && in.available() == 0;
        if (type == 'Q') {
          statements.incrementAndGet();
          keep(cString(body, 0));
        } else if (type == 'E') {
          statements.incrementAndGet();
        } else if (type == 'P') {
          keep(cString(body, indexOfZero(body, 0) + 1));
        }
        if (waits) {
          roundTrips.incrementAndGet();
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

  private static void copy(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
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
