package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.ConfigurationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The pieces of a database URL, split without ever echoing a credential: the structural parse of
 * {@link DatabaseUrl}.
 *
 * <p>Passwords are typed by people and pasted into URLs unencoded, so a raw password may hold any
 * printable character, {@code @ / ? # & : %} included. The split therefore does not stop at the
 * first {@code @} (as a regular expression over RFC 3986 would): it takes the first {@code @} after
 * which the rest reads as {@code host[:port][,…][/database][?name=value&…]}, and before which the
 * user name (up to the first {@code :}) holds none of {@code / ? # @}. A {@code #} is an ordinary
 * character (connection URLs have no fragments; libpq knows none), and a {@code %} that does not
 * start a two-digit escape stands for itself. In a {@code password=} parameter the value runs up to
 * the next {@code &} that starts another {@code name=} parameter. Every message this class writes
 * names only the problem and, once the user information is split off, the host part: never
 * anything before the {@code @} or any parameter value.
 */
public record UrlParts(boolean libpq, String userInfoUser, String userInfoPassword, String hosts, String path,
    Map<String, String> parameters) {
  static final String JDBC_PREFIX = "jdbc:postgresql://";
  private static final Pattern HOST_TEXT = Pattern.compile("[A-Za-z0-9._~:\\[\\],%-]*");
  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
  static final String FORMS = "expected jdbc:postgresql://host:port/database?user=…&password=… or"
      + " postgresql://user:password@host:port/database";

  public static UrlParts split(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    String rest;
    boolean libpq;
    if (lower.startsWith(JDBC_PREFIX)) {
      rest = url.substring(JDBC_PREFIX.length());
      libpq = false;
    } else if (lower.startsWith("postgresql://")) {
      rest = url.substring("postgresql://".length());
      libpq = true;
    } else if (lower.startsWith("postgres://")) {
      rest = url.substring("postgres://".length());
      libpq = true;
    } else {
      // Not even the scheme is ours: show none of it, it may be anything (a password pasted by mistake).
      throw malformed(null, FORMS);
    }
    // Every '@' that leaves a well-formed rest, and the reading without user information: a URL
    // with exactly one reading is understood; with several, guessing might show a password.
    List<UrlParts> readings = new ArrayList<>();
    for (int at = rest.indexOf('@'); at >= 0; at = rest.indexOf('@', at + 1)) {
      String userInfo = rest.substring(0, at);
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      if (user.chars().anyMatch(c -> c == '/' || c == '?' || c == '#' || c == '@')) {
        break; // this '@' and every later one is in the database name or a parameter
      }
      String decodedUser = decodeOrNull(user);
      UrlParts parts = decodedUser == null ? null : afterUserInfo(libpq, rest.substring(at + 1), decodedUser,
          colon < 0 ? null : decode(userInfo.substring(colon + 1)));
      if (parts != null) {
        readings.add(parts);
      }
    }
    UrlParts withoutUserInfo = afterUserInfo(libpq, rest, null, null);
    if (withoutUserInfo != null) {
      readings.add(withoutUserInfo);
    }
    if (readings.size() != 1) {
      // No part of the URL is safe to show: which '@' ends the user information cannot be told.
      throw malformed(null, (readings.isEmpty() ? "cannot tell where the host begins; "
          : "it can be read in more than one way; ") + FORMS
          + ", with '@', '/', '?' and '&' in a password or parameter written as %40, %2F, %3F and %26");
    }
    return readings.get(0);
  }

  /** The parts when {@code rest} reads as hosts, database and parameters; null when it does not. */
  private static UrlParts afterUserInfo(boolean libpq, String rest, String user, String password) {
    int query = rest.indexOf('?');
    String beforeQuery = query < 0 ? rest : rest.substring(0, query);
    int slash = beforeQuery.indexOf('/');
    String hosts = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
    String path = slash < 0 ? null : beforeQuery.substring(slash + 1);
    if (!HOST_TEXT.matcher(hosts).matches() || path != null && (path.indexOf('/') >= 0 || path.indexOf('@') >= 0)) {
      return null;
    }
    Map<String, String> parameters = query < 0 ? new LinkedHashMap<>() : parameters(rest.substring(query + 1));
    return parameters == null ? null : new UrlParts(libpq, user, password, hosts, path, parameters);
  }

  /** {@code name=value&…}; null when it is not that (a bad name or escape), so that the caller tries another split. */
  private static Map<String, String> parameters(String query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : pairs(query)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decodeOrNull(equals < 0 ? pair : pair.substring(0, equals));
      if (name == null || !PARAMETER_NAME.matcher(name).matches()) {
        return null;
      }
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      if (isSecret(name)) {
        parameters.put(name, decode(value));
      } else {
        String decoded = decodeOrNull(value);
        if (decoded == null) {
          return null; // not this reading; if no reading is left, the message shows none of the URL
        }
        parameters.put(name, decoded);
      }
    }
    return parameters;
  }

  /**
   * Splits at {@code &}, except inside a password: its value ends only where an {@code &} starts
   * another {@code name=}, so that {@code password=a&b} is the password {@code a&b}.
   */
  private static List<String> pairs(String query) {
    List<String> pairs = new ArrayList<>();
    int start = 0;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      if (isSecretName(query, start)) {
        while (end >= 0 && !startsParameter(query, end + 1)) {
          end = query.indexOf('&', end + 1);
        }
      }
      pairs.add(end < 0 ? query.substring(start) : query.substring(start, end));
      if (end < 0) {
        break;
      }
      start = end + 1;
    }
    return pairs;
  }

  private static boolean isSecretName(String query, int start) {
    int equals = query.indexOf('=', start);
    int amp = query.indexOf('&', start);
    return equals >= 0 && (amp < 0 || equals < amp)
        && isSecret(decode(query.substring(start, equals)));
  }

  /** A parameter whose value is a credential: {@code password}, {@code sslpassword}, … */
  static boolean isSecret(String name) {
    return name.toLowerCase(Locale.ROOT).contains("password");
  }

  private static boolean startsParameter(String query, int start) {
    int i = start;
    while (i < query.length() && (Character.isLetterOrDigit(query.charAt(i)) || "_.-".indexOf(query.charAt(i)) >= 0)) {
      i++;
    }
    return i > start && i < query.length() && query.charAt(i) == '=' && !Character.isDigit(query.charAt(start));
  }

  /**
   * Percent-decoding as in URLs (not forms: '+' stays a plus, as libpq reads it). A '%' that does
   * not start a two-digit escape stands for itself: a password typed as it is, such as {@code 50%off}.
   */
  static String decode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Strict decoding, for what is not a password: null when a '%' does not start a two-digit escape. */
  public static String decodeOrNull(String text) {
    for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 3)) {
      if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
        return null;
      }
    }
    return decode(text);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  /** A usage error about a URL; {@code shown} is a part known to hold no credential, or null. */
  public static ConfigurationException malformed(String shown, String problem) {
    return new ConfigurationException("malformed database URL" + (shown == null ? "" : " (host " + shown + ")")
        + ": " + problem);
  }
}
