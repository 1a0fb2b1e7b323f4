package dev.schemacode.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small helpers over the JDK's exchange: query parameters, JSON in and out, the headers every answer carries. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  /** Nothing from elsewhere: no script, style, frame or request outside this server. */
  private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private Http() {}

  /** Query parameters, each name with all its values in order. */
  static Map<String, List<String>> query(HttpExchange exchange) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  static Optional<String> first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  static int number(Map<String, List<String>> parameters, String name, int fallback, int min, int max) {
    Optional<String> text = first(parameters, name);
    if (text.isEmpty() || text.get().isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.get());
      if (value < min || value > max) {
        throw new BadRequest(name + " must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " must be a whole number");
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  static <T> T body(HttpExchange exchange, Class<T> type) throws IOException {
    try {
      return JSON.readValue(exchange.getRequestBody(), type);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new BadRequest("the request body is not the JSON expected: " + e.getOriginalMessage());
    }
  }

  static void json(HttpExchange exchange, int status, Object value) throws IOException {
    send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(value));
  }

  static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, Map.of("error", message == null ? "" : message));
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", contentType);
    headers.set("Cache-Control", "no-store");
    headers.set("Content-Security-Policy", POLICY);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    // the token is in every URL of the page: never hand it to anyone in a Referer
    headers.set("Referrer-Policy", "no-referrer");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }
}
