package dev.schemacode.runtime;

/** Bad usage or configuration: a malformed URL, a missing migrations location. The CLI exits with 2. */
public class ConfigurationException extends RuntimeException {
  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
