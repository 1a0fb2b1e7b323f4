package dev.schemacode.example;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * A small JSON router on the JDK's HTTP server: routes by method and path pattern, reads and writes
 * JSON, and turns refusals into status codes with a JSON error body.
 */
final class Router implements HttpHandler {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final System.Logger LOG = System.getLogger("dev.schemacode.example");

  /** What a route receives: path parameters, query parameters and the JSON body. */
  record Request(List<String> pathParameters, Map<String, String> query, JsonNode body) {
    long id(int index) {
      try {
        return Long.parseLong(pathParameters.get(index));
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("'" + pathParameters.get(index) + "' is not an id");
      }
    }
  }

  /** A route's answer: status and JSON body. */
  record Response(int status, JsonNode body) {}

  interface Route {
    Response handle(Request request);
  }

  private record Entry(String method, Pattern path, Route route) {}

  private final List<Entry> routes = new ArrayList<>();

  Router route(String method, String pathPattern, Route route) {
    routes.add(new Entry(method, Pattern.compile(pathPattern), route));
    return this;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Response response;
      try {
        response = dispatch(exchange);
      } catch (ApiException e) {
        response = error(e.status(), e.getMessage());
      } catch (IntegrityConstraintViolationException e) {
        // PostgreSQL's message names the constraint and jOOQ's adds the SQL: the log's, not the client's
        LOG.log(System.Logger.Level.INFO, "request refused by a constraint: {0}", firstLine(e.getMessage()));
        response = error(409, constraint(e).map(name -> "the request breaks the rule " + name + " of the stored data")
            .orElse("the request conflicts with data already stored"));
      } catch (DataAccessException e) {
        LOG.log(System.Logger.Level.WARNING, "database error: {0}", firstLine(e.getMessage()));
        response = error(503, "the database is not available");
      }
      byte[] body = JSON.writeValueAsBytes(response.body());
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(response.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private Response dispatch(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    boolean pathKnown = false;
    for (Entry entry : routes) {
      Matcher matcher = entry.path().matcher(uri.getPath());
      if (!matcher.matches()) {
        continue;
      }
      pathKnown = true;
      if (entry.method().equals(exchange.getRequestMethod())) {
        List<String> parameters = new ArrayList<>();
        for (int i = 1; i <= matcher.groupCount(); i++) {
          parameters.add(matcher.group(i));
        }
        return entry.route().handle(new Request(parameters, query(uri), body(exchange)));
      }
    }
    throw pathKnown ? new ApiException(405, "method not allowed") : ApiException.notFound("no such resource");
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    if (bytes.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("the body is not valid JSON");
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int equals = pair.indexOf('=');
        String key = java.net.URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        query.put(key, equals < 0 ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  private static Response error(int status, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("error", message);
    return new Response(status, body);
  }

  /** The constraint PostgreSQL names in its error (a name the schema declares; no SQL, no values). */
  private static java.util.Optional<String> constraint(DataAccessException e) {
    return e.getCause() instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null
        ? java.util.Optional.ofNullable(psql.getServerErrorMessage().getConstraint())
        : java.util.Optional.empty();
  }

  static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
