package dev.schemacode.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real headless Chromium driven over the DevTools protocol (a WebSocket of JSON messages, spoken
 * with the JDK's own client): navigate, evaluate, click with the mouse, type with the keyboard, take
 * screenshots. No WebDriver, no driver binary to match with the browser's version.
 */
final class Chromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Generous bounds for a loaded machine: never asserted as times, only how long to keep trying. */
  private static final long WAIT_MILLIS = 30_000;

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  /** The browser: {@code $CHROMIUM}, else {@code chromium} (Debian), {@code chromium-browser} or {@code google-chrome} on the PATH. */
  static Optional<Path> find() {
    String configured = System.getenv("CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
        Path candidate = Path.of(directory, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  static Chromium launch(Path binary, int width, int height) throws Exception {
    Path profile = Files.createTempDirectory("schemacode-chromium");
    Process process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
        "--force-device-scale-factor=1", "--remote-debugging-port=0", "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height, "about:blank")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2) {
      if (!process.isAlive() || System.currentTimeMillis() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("Chromium did not start (" + binary + ")");
      }
      Thread.sleep(50);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
    HttpClient client = HttpClient.newHttpClient();
    JsonNode targets = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
        .build(), HttpResponse.BodyHandlers.ofString()).body());
    String page = null;
    for (JsonNode target : targets) {
      if (target.get("type").asText().equals("page")) {
        page = target.get("webSocketDebuggerUrl").asText();
        break;
      }
    }
    if (page == null) {
      process.destroyForcibly();
      throw new IllegalStateException("Chromium opened no page: " + targets);
    }
    return new Chromium(process, profile, client, URI.create(page));
  }

  private Chromium(Process process, Path profile, HttpClient client, URI page) throws Exception {
    this.process = process;
    this.profile = profile;
    this.socket = client.newWebSocketBuilder().buildAsync(page, new WebSocket.Listener() {
      private final StringBuilder message = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        message.append(data);
        if (last) {
          receive(message.toString());
          message.setLength(0);
        }
        webSocket.request(1);
        return null;
      }
    }).get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    send("Page.enable", JSON.createObjectNode());
    send("Runtime.enable", JSON.createObjectNode());
  }

  private void receive(String text) {
    try {
      JsonNode message = JSON.readTree(text);
      if (message.has("id")) {
        CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
        if (answer != null) {
          answer.complete(message);
        }
      }
    } catch (IOException e) {
      // not JSON: the protocol never sends that
    }
  }

  JsonNode send(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    socket.sendText(JSON.writeValueAsString(message), true).get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    JsonNode result = answer.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    if (result.has("error")) {
      throw new IllegalStateException(method + ": " + result.get("error"));
    }
    return result.get("result");
  }

  void navigate(String url) throws Exception {
    send("Page.navigate", JSON.createObjectNode().put("url", url));
  }

  /** Runs JavaScript in the page (awaiting a promise) and returns its value. */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode result = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
        .put("awaitPromise", true).put("returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new AssertionError("the page threw on `" + expression + "`: " + result.get("exceptionDetails"));
    }
    return result.get("result").path("value");
  }

  /** Waits until the expression is true in the page; fails with what the page shows otherwise. */
  void waitUntil(String condition) throws Exception {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      try {
        if (evaluate("Boolean(" + condition + ")").asBoolean()) {
          return;
        }
      } catch (AssertionError e) {
        // the page is between two states: try again
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the page never showed `" + condition + "`; it shows: "
        + evaluate("document.getElementById('main') ? document.getElementById('main').innerText.slice(0, 600) : document.body.innerText"));
  }

  /** A real mouse click in the middle of the element (scrolled into view first). */
  void click(String selector) throws Exception {
    waitUntil("document.querySelector(" + JSON.writeValueAsString(selector) + ")");
    JsonNode box = evaluate("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector) + ");"
        + " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
        + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
    for (String type : List.of("mouseMoved", "mousePressed", "mouseReleased")) {
      ObjectNode params = JSON.createObjectNode().put("type", type).put("x", box.get("x").asDouble())
          .put("y", box.get("y").asDouble());
      if (!type.equals("mouseMoved")) {
        params.put("button", "left").put("clickCount", 1);
      }
      send("Input.dispatchMouseEvent", params);
    }
  }

  /** Focuses the field, selects what it holds, and types the text over it, as a person would. */
  void type(String selector, String text) throws Exception {
    click(selector);
    evaluate("document.querySelector(" + JSON.writeValueAsString(selector) + ").select()");
    send("Input.insertText", JSON.createObjectNode().put("text", text));
  }

  void pressEnter() throws Exception {
    for (String type : List.of("keyDown", "keyUp")) {
      send("Input.dispatchKeyEvent", JSON.createObjectNode().put("type", type).put("key", "Enter").put("code", "Enter")
          .put("windowsVirtualKeyCode", 13).put("text", type.equals("keyDown") ? "\r" : ""));
    }
  }

  void screenshot(Path file) throws Exception {
    JsonNode shot = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the browser goes anyway
    }
    // Chromium's helpers (network service, GPU, zygote) can outlive the browser for a moment and still
    // write into the profile: stop them too (taken before the browser goes, when they are still its
    // descendants), then delete the profile whatever vanishes meanwhile. A CI run failed on a file the
    // network service renamed while the profile was being walked.
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    for (ProcessHandle helper : helpers) {
      helper.destroy();
      try {
        helper.onExit().get(5, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        helper.destroyForcibly();
      }
    }
    deleteTree(profile);
  }

  /** Deletes what is there; a file or folder that goes (or comes) meanwhile is no error: it is a temporary profile. */
  private static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
      @Override
      public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attributes)
          throws IOException {
        Files.deleteIfExists(file);
        return java.nio.file.FileVisitResult.CONTINUE;
      }

      @Override
      public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
        return java.nio.file.FileVisitResult.CONTINUE;
      }

      @Override
      public java.nio.file.FileVisitResult postVisitDirectory(Path directory, IOException e) {
        try {
          Files.deleteIfExists(directory);
        } catch (IOException notEmpty) {
          // something was written meanwhile: left in the temporary directory
        }
        return java.nio.file.FileVisitResult.CONTINUE;
      }
    });
  }
}
