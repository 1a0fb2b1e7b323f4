package dev.schemacode.example.boot;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged jar as a separate process, as a platform would run it: {@code java -jar} with an environment. */
final class ExampleProcess implements AutoCloseable {
  static final Path JAR = Path.of("target", "example-spring-boot.jar");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path output;
  final int port;

  private ExampleProcess(Process process, Path output, int port) {
    this.process = process;
    this.output = output;
    this.port = port;
  }

  static ExampleProcess start(Map<String, String> environment, String... arguments) throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
    command.addAll(List.of(arguments));
    Path output = Files.createTempFile("example-spring-boot", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().remove("DATABASE_URL");
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().putAll(environment);
    return new ExampleProcess(builder.start(), output, port);
  }

  /** Waits until the health endpoint answers (at most two minutes; a loaded machine starts slowly); false when the process ended first. */
  boolean awaitReady() throws Exception {
    for (int attempt = 0; attempt < 1200; attempt++) {
      if (!process.isAlive()) {
        return false;
      }
      try {
        if (get("/actuator/health").statusCode() > 0) {
          return true;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the example did not answer within two minutes:\n" + output());
  }

  /** Waits for the process to end by itself (at most a minute) and returns its exit code. */
  int awaitExit() throws Exception {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("the example did not stop within a minute:\n" + output());
    }
    return process.exitValue();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  String output() throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    process.destroy(); // SIGTERM: Boot shuts down gracefully
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
