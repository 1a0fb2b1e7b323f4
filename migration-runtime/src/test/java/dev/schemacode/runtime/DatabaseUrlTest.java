package dev.schemacode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUrlTest {
  private static final Map<String, String> NO_ENV = Map.of();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // url | jdbc url | user | shown
      "postgresql://app:s3cret@db.internal:6543/shop?sslmode=require | jdbc:postgresql://db.internal:6543/shop?sslmode=require | app | postgresql://app@db.internal:6543/shop?sslmode=require",
      "postgres://app:s3cret@db.internal/shop | jdbc:postgresql://db.internal/shop | app | postgresql://app@db.internal/shop",
      "postgresql://app:p%40ss%2Fw0rd@[::1]:5432/shop | jdbc:postgresql://[::1]:5432/shop | app | postgresql://app@[::1]:5432/shop",
      "postgresql://app@h1:5432,h2:5433/shop?target_session_attrs=read-write | jdbc:postgresql://h1:5432,h2:5433/shop?targetServerType=read-write | app | postgresql://app@h1:5432,h2:5433/shop?targetServerType=read-write",
      "postgresql://app:s3cret@localhost | jdbc:postgresql://localhost/app | app | postgresql://app@localhost/app",
      "postgresql://localhost:5432/shop?application_name=web&connect_timeout=3 | jdbc:postgresql://localhost:5432/shop?ApplicationName=web&connectTimeout=3 | | postgresql://localhost:5432/shop?ApplicationName=web&connectTimeout=3",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=s3cret&sslmode=disable | jdbc:postgresql://127.0.0.1:5432/test?sslmode=disable | postgres | postgresql://postgres@127.0.0.1:5432/test?sslmode=disable",
      "jdbc:postgresql://127.0.0.1/test | jdbc:postgresql://127.0.0.1/test | | postgresql://127.0.0.1/test",
  })
  void parsesBothForms(String url, String jdbcUrl, String user, String shown) {
    DatabaseUrl parsed = DatabaseUrl.parse(url, NO_ENV);
    assertEquals(jdbcUrl, parsed.jdbcUrl());
    assertEquals(user == null ? "" : user, parsed.user().orElse(""));
    assertEquals(shown, parsed.toString());
    assertFalse(parsed.toString().contains("s3cret"));
    assertFalse(parsed.jdbcUrl().contains("s3cret"));
  }

  @Test
  void decodesPercentEscapesInCredentials() {
    DatabaseUrl parsed = DatabaseUrl.parse("postgresql://app:p%40ss%2Fw0rd+x@host/db", NO_ENV);
    assertEquals("oops *** leaked", parsed.redact("oops p@ss/w0rd+x leaked"));
  }

  @Test
  void takesCredentialsFromTheEnvironmentWhenTheUrlHasNone() {
    DatabaseUrl parsed = DatabaseUrl.parse("postgresql://host/db", Map.of("PGUSER", "envuser", "PGPASSWORD", "envpass"));
    assertEquals("envuser", parsed.user().orElseThrow());
    assertEquals("***", parsed.redact("envpass"));
    DatabaseUrl explicit = DatabaseUrl.parse("postgresql://urluser@host/db", Map.of("PGUSER", "envuser"));
    assertEquals("urluser", explicit.user().orElseThrow());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "mysql://root:s3cret@host/db | expected jdbc:postgresql://",
      "postgresql://app:s3cret@host:99999/db | port '99999'",
      "postgresql://app:s3cret@host:abc/db | is not host or host:port",
      "postgresql://app:s3cret@/db | no host",
      "postgresql://app:s3cret@host/a/b | cannot tell where the host begins",
      "postgresql://app:s3cret@host/db%zz | bad %-escape",
      "jdbc:postgresql://host:0/db?password=s3cret | port '0'",
      "'   ' | no database URL",
  })
  void rejectsMalformedUrlsWithoutShowingThePassword(String url, String expected) {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> DatabaseUrl.parse(url, NO_ENV));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }

  @Test
  void unreachableServerIsOneLineWithoutThePassword() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://app:s3cret@127.0.0.1:1/db?connect_timeout=2", NO_ENV);
    DatabaseUnreachableException e = assertThrows(DatabaseUnreachableException.class, url::connect);
    assertTrue(e.getMessage().startsWith("cannot connect to postgresql://app@127.0.0.1:1/db"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"));
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void credentialsConfiguredApartReplaceTheURLsAndStayOutOfItsText() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://app:apppass@db:5432/shop?sslmode=require", NO_ENV)
        .withCredentials("migrator", "m1grat0rPass");
    assertEquals("migrator", url.user().orElseThrow());
    assertEquals("m1grat0rPass", url.connectionProperties().getProperty("password"));
    assertEquals("postgresql://migrator@db:5432/shop?sslmode=require", url.toString());
    assertEquals("jdbc:postgresql://db:5432/shop?sslmode=require", url.jdbcUrl());
    assertEquals("app", DatabaseUrl.parse("postgresql://app@db/shop", NO_ENV).withCredentials(null, "x").user().orElseThrow());
  }

  /** Passwords typed as they are, with the characters URLs reserve (issue 19): read whole, never shown. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "postgresql://u:Secr3t/pass@h/db | Secr3t/pass | h",
      "postgresql://u:p@ss@h/db | p@ss | h",
      "postgresql://u:a#b?c@h:5432/db?sslmode=disable | a#b?c | h:5432",
      "postgresql://u@h/db?password=p@ss:w/o%rd#1 | p@ss:w/o%rd#1 | h",
      "postgresql://u@h/db?password=p@ss:w/o%rd#1&sslmode=require | p@ss:w/o%rd#1 | h",
      "jdbc:postgresql://h/db?user=u&password=50%off&more | 50%off&more | h",
      "jdbc:postgresql://h/db?user=u&password=p%40ss%23 | p@ss# | h",
      "postgresql://u:%F0%9F%94%91k%C3%A9y@h/db | \uD83D\uDD11k\u00E9y | h",
  })
  void readsRawPasswordsWhole(String url, String password, String hosts) {
    String expected = password;
    DatabaseUrl parsed = DatabaseUrl.parse(url, NO_ENV);
    assertEquals(expected, parsed.connectionProperties().getProperty("password"));
    assertEquals("u", parsed.user().orElseThrow());
    assertTrue(parsed.toString().startsWith("postgresql://u@" + hosts + "/db"), parsed.toString());
    assertFalse(parsed.toString().contains(expected), parsed.toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // a raw '@' that leaves two readings: which is the password cannot be told, so nothing is shown
      "postgresql://u:S3cretX@h/db?application_name=S3cretY@h2",
      "postgresql://u:S3cretX@h:5?x=1@host/db",
      "jdbc:postgresql://u:S3cretX@h:99999/db",
      "postgresql://u:S3cretX@h:99999/db",
      "postgresql://u:S3cretX@h/db?connect_timeout=S3cretY",
      "postgresql://u:S3cretX@h/db?sslmode=S3cretY",
      "S3cretX",
      "postgresql://u:S3cretX@/db",
  })
  void refusesWithoutShowingAnyOfTheCredentials(String url) {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> DatabaseUrl.parse(url, NO_ENV));
    assertFalse(e.getMessage().contains("S3cretX"), e.getMessage());
    assertFalse(e.getMessage().contains("u:"), e.getMessage());
    assertTrue(e.getMessage().startsWith("malformed database URL"), e.getMessage());
  }

  @Test
  void connectTimeoutMustBeWholeSeconds() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> DatabaseUrl.parse("postgresql://u@h/db?connect_timeout=abc", NO_ENV));
    assertTrue(e.getMessage().contains("connect_timeout 'abc' is not a whole number of seconds"), e.getMessage());
    assertEquals("5", DatabaseUrl.parse("postgresql://u@h/db?connect_timeout=5", NO_ENV).connectionProperties()
        .getProperty("connectTimeout"));
  }
}
