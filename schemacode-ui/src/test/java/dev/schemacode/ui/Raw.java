package dev.schemacode.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket: the tests must send what browsers and attackers send, including a
 * forged {@code Host}, which the JDK's client refuses to set.
 */
final class Raw {
  static final ObjectMapper JSON = new ObjectMapper();

  record Response(int status, Map<String, String> headers, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  private final URI base;

  /** @param base the URL the server printed, {@code http://127.0.0.1:PORT/TOKEN/} */
  Raw(URI base) {
    this.base = base;
  }

  int port() {
    return base.getPort();
  }

  String token() {
    return base.getPath().replace("/", "");
  }

  /** A request as the page sends it: right token, Host and (for changes) Origin. */
  Response get(String route) throws IOException {
    return send("GET", "/" + token() + "/" + route, Map.of("Host", "127.0.0.1:" + port()), null);
  }

  Response change(String method, String route, Object body) throws IOException {
    return send(method, "/" + token() + "/" + route, Map.of("Host", "127.0.0.1:" + port(),
        "Origin", "http://127.0.0.1:" + port(), "Content-Type", "application/json"), JSON.writeValueAsString(body));
  }

  Response send(String method, String path, Map<String, String> headers, String body) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port())) {
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      if (body != null) {
        request.append("Content-Length: ").append(bytes.length).append("\r\n");
      }
      request.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  private static Response parse(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String[] head = text.substring(0, end).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(':');
      headers.put(head[i].substring(0, colon).toLowerCase(java.util.Locale.ROOT), head[i].substring(colon + 1).strip());
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Response(Integer.parseInt(head[0].split(" ")[1]), headers, body);
  }

  private static String dechunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int line = body.indexOf("\r\n", at);
      int size = Integer.parseInt(body.substring(at, line).strip(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(body, line + 2, line + 2 + size);
      at = line + 2 + size + 2;
    }
  }
}
