package dev.schemacode.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The page's files, read from the jar: plain ES modules and CSS, no build step. */
final class Assets {
  private static final String ROOT = "/dev/schemacode/ui/web/";
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*\\.(js|css|html|svg)");
  private static final Map<String, String> TYPES = Map.of(
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "html", "text/html; charset=utf-8",
      "svg", "image/svg+xml");

  record Asset(String contentType, byte[] bytes) {}

  private Assets() {}

  /** A file of the page by its bare name; anything that is not one (paths, dots) is simply not found. */
  static Optional<Asset> find(String name) throws IOException {
    if (!NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    try (InputStream in = Assets.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new Asset(TYPES.get(name.substring(name.lastIndexOf('.') + 1)), in.readAllBytes()));
    }
  }
}
