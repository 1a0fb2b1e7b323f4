package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.ConfigurationException;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the {@code .sql} files of one class-path folder, for seeds and {@code backfill --list}.
 * Migrations never need this: they are found through the ledger or the generated index, so the
 * start-up path does no class-path scanning.
 */
public final class ClasspathListing {
  private ClasspathListing() {}

  public static java.util.List<String> sqlFiles(ClassLoader loader, String folder) {
    TreeSet<String> names = new TreeSet<>();
    try {
      Enumeration<URL> urls = loader.getResources(folder.isEmpty() ? "" : folder + "/");
      while (urls.hasMoreElements()) {
        URL url = urls.nextElement();
        if ("file".equals(url.getProtocol())) {
          fromDirectory(Path.of(url.toURI()), names);
        } else if ("jar".equals(url.getProtocol())) {
          fromJar(url, folder, names);
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new ConfigurationException("cannot list classpath:" + folder + ": " + e.getMessage(), e);
    }
    return java.util.List.copyOf(names);
  }

  private static void fromDirectory(Path directory, TreeSet<String> names) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".sql") && Files.isRegularFile(directory.resolve(name)))
          .forEach(name -> names.add(name.substring(0, name.length() - 4)));
    }
  }

  private static void fromJar(URL url, String folder, TreeSet<String> names) throws IOException {
    JarURLConnection connection = (JarURLConnection) url.openConnection();
    connection.setUseCaches(false); // do not keep the jar open (and locked on Windows) afterwards
    String prefix = folder.isEmpty() ? "" : folder + "/";
    try (JarFile jar = connection.getJarFile()) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        String entry = entries.nextElement().getName();
        if (entry.startsWith(prefix) && entry.endsWith(".sql") && entry.indexOf('/', prefix.length()) < 0) {
          names.add(entry.substring(prefix.length(), entry.length() - 4));
        }
      }
    }
  }
}
