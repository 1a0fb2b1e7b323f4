package dev.schemacode.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Loads the classes a test compilation wrote, to run generated code (the jOOQ metamodel) in the test. */
final class GeneratedClasses extends ClassLoader {
  private final Map<String, byte[]> classes;

  private GeneratedClasses(Map<String, byte[]> classes) {
    super(GeneratedClasses.class.getClassLoader());
    this.classes = classes;
  }

  static ClassLoader loader(Compilation compilation) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      int root = path.indexOf("/CLASS_OUTPUT/");
      if (file.getKind() == JavaFileObject.Kind.CLASS && root >= 0) {
        String name = path.substring(root + "/CLASS_OUTPUT/".length(), path.length() - ".class".length()).replace('/', '.');
        try (InputStream in = file.openInputStream()) {
          classes.put(name, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return new GeneratedClasses(classes);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }
}
