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
      "postgresql://app:s3cret@host/a/b | cannot contain '/'",
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
}
