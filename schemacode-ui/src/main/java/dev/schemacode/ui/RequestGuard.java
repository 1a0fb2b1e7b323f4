package dev.schemacode.ui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What every request must show before anything else runs: the token of the printed URL as the first
 * path segment, a {@code Host} that names this server (a DNS-rebinding page would send its own
 * name), and, when the browser sends one, an {@code Origin} that is this server (another local page
 * or site cannot call the API). Changes must also carry that Origin and a JSON content type, which a
 * cross-site form cannot send.
 *
 * @param token the random secret of the printed URL
 */
record RequestGuard(String token, int port) {
  /** 256 random bits, URL-safe. */
  static String newToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** One request as the guard sees it: method, raw path, and the three headers it checks (null when absent). */
  record Request(String method, String path, String host, String origin, String contentType) {}

  /** Why the request is refused, in one line, or empty when it may go on. */
  Optional<String> refusal(Request request) {
    if (!hasToken(request.path())) {
      return Optional.of("missing or wrong token: open the URL that `schemacode ui` printed");
    }
    if (request.host() == null || !allowedHosts().contains(request.host().toLowerCase(Locale.ROOT))) {
      return Optional.of("refused: Host must be 127.0.0.1:" + port + " or localhost:" + port);
    }
    boolean change = !Set.of("GET", "HEAD").contains(request.method());
    if (request.origin() != null || change) {
      if (request.origin() == null || !allowedOrigins().contains(request.origin().toLowerCase(Locale.ROOT))) {
        return Optional.of("refused: requests from another origin are not allowed");
      }
    }
    if (change && (request.contentType() == null
        || !request.contentType().toLowerCase(Locale.ROOT).startsWith("application/json"))) {
      return Optional.of("refused: changes must be sent as application/json");
    }
    return Optional.empty();
  }

  /** The path after the token ({@code /api/schema}), for a request the guard let through. */
  String route(String path) {
    String rest = path.substring(token.length() + 1);
    return rest.isEmpty() ? "/" : rest;
  }

  private boolean hasToken(String path) {
    if (path == null || !path.startsWith("/")) {
      return false;
    }
    int end = path.indexOf('/', 1);
    String segment = end < 0 ? path.substring(1) : path.substring(1, end);
    // constant time: the comparison must not tell a local attacker how much of a guess was right
    return MessageDigest.isEqual(segment.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  private Set<String> allowedHosts() {
    return Set.of("127.0.0.1:" + port, "localhost:" + port);
  }

  private Set<String> allowedOrigins() {
    return Set.of("http://127.0.0.1:" + port, "http://localhost:" + port);
  }
}
