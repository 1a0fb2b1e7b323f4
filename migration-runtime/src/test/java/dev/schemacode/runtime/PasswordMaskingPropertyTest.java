package dev.schemacode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.schemacode.runtime.cli.SchemacodeCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * No password a person can type ever shows: generated passwords of every printable ASCII
 * character, raw and percent-encoded, in both URL forms and in {@code password=} parameters,
 * through the parser, every string a {@link DatabaseUrl} produces, a failed connection, and the
 * CLI's own output (issue 19).
 *
 * <p>A password is runs of five capital letters (the <em>marks</em>) between runs of any printable
 * characters. No message of ours holds five capitals in a row, so a mark in the output is a piece
 * of the password, however the URL was split: the check catches partial leaks (the text up to an
 * {@code @}), not only the whole password.
 */
class PasswordMaskingPropertyTest {
  private static final Pattern RAW_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");
  /** In a raw {@code password=} value, {@code &name=} starts the next parameter: the URL itself says so. */
  private static final Pattern NEXT_PARAMETER = Pattern.compile("&[A-Za-z_][A-Za-z0-9_.-]*=");

  @TempDir Path migrations;

  record Password(String text, List<String> marks) {
    @Override
    public String toString() {
      return text; // what a shrunk counterexample reads as
    }
  }

  enum Form {
    USER_INFO("postgresql://app:%s@127.0.0.1:1/shop?connect_timeout=1", false),
    USER_INFO_ENCODED("postgresql://app:%s@127.0.0.1:1/shop?connect_timeout=1", true),
    LIBPQ_PARAMETER("postgresql://app@127.0.0.1:1/shop?password=%s&connect_timeout=1", false),
    LIBPQ_PARAMETER_ENCODED("postgresql://app@127.0.0.1:1/shop?password=%s&connect_timeout=1", true),
    JDBC_PARAMETER("jdbc:postgresql://127.0.0.1:1/shop?user=app&password=%s&connectTimeout=1", false),
    JDBC_PARAMETER_ENCODED("jdbc:postgresql://127.0.0.1:1/shop?user=app&password=%s&connectTimeout=1", true),
    JDBC_USER_INFO("jdbc:postgresql://app:%s@127.0.0.1:1/shop?connectTimeout=1", false),
    /** Malformed after the password: a port out of range. */
    BAD_PORT("postgresql://app:%s@127.0.0.1:99999/shop", false),
    BAD_PORT_ENCODED("postgresql://app:%s@127.0.0.1:99999/shop", true),
    BAD_TIMEOUT("jdbc:postgresql://127.0.0.1:1/shop?password=%s&connectTimeout=abc", false);

    final String template;
    final boolean encoded;

    Form(String template, boolean encoded) {
      this.template = template;
      this.encoded = encoded;
    }

    String url(Password password) {
      String text = encoded ? URLEncoder.encode(password.text(), StandardCharsets.UTF_8).replace("+", "%20")
          : password.text();
      return template.replace("%s", text);
    }

    boolean inParameter() {
      return template.contains("password=%s");
    }

    boolean valid() {
      return !name().startsWith("BAD_");
    }
  }

  private static Gen<Password> passwords() {
    Gen<String> mark = strings().betweenCodePoints('A', 'Z').ofLength(5);
    Gen<String> between = strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 3);
    return lists().of(between.zip(mark, (b, m) -> new String[] {b, m})).ofSizeBetween(1, 3)
        .zip(between, (pieces, last) -> {
          StringBuilder text = new StringBuilder();
          List<String> marks = new ArrayList<>();
          for (String[] piece : pieces) {
            text.append(piece[0]).append(piece[1]);
            marks.add(piece[1]);
          }
          return new Password(text.append(last).toString(), marks);
        });
  }

  @Test
  void noPartOfAnyPasswordIsEverShown() {
    qt().withExamples(1500).withShrinkCycles(200)
        .forAll(passwords(), Generate.enumValues(Form.class))
        .checkAssert(this::neverShown);
  }

  /** The same passwords through the whole CLI, in process: its output and its one-line errors. */
  @Test
  void theCliShowsNoPartOfAnyPassword() throws Exception {
    Files.writeString(migrations.resolve("V0001__init.sql"), "SELECT 1;\n");
    qt().withExamples(150).withShrinkCycles(100)
        .forAll(passwords(), Generate.enumValues(Form.class), integers().between(0, 3))
        .checkAssert((password, form, variant) -> {
          String url = form.url(password);
          String[] args = switch (variant) {
            case 0 -> new String[] {"status", "--url", url, "--migrations", migrations.toString()};
            case 1 -> new String[] {"deploy", "--url=" + url, "--migrations", migrations.toString(), "--bogus"};
            case 2 -> new String[] {"status", "--ur", url}; // a typo: picocli quotes the arguments it did not know
            default -> new String[] {"--url", url, "status"}; // the option before the command: the URL reads as one
          };
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          int code = SchemacodeCli.run(args, new PrintWriter(out), new PrintWriter(err));
          String shown = out + "\n" + err;
          if (ambiguousOnPurpose(password, form)) {
            return;
          }
          assertNoMark(password, shown, form + " " + variant);
          // A raw password can make the URL read two ways, e.g. "app:?I=…@host" is also the host "app" with
          // an empty port and a query: refused (exit 2) without showing any of it. An encoded one never can.
          boolean refusedAsAmbiguous = !form.encoded && shown.contains("can be read in more than one way");
          assertEquals(variant == 0 && form.valid() && !refusedAsAmbiguous ? 1 : 2, code, shown); // 1: cannot connect to port 1
          assertEquals(1, err.toString().strip().lines().filter(line -> line.startsWith("schemacode: error:")).count(), shown);
        });
  }

  /** The counterexample a CI run found: a raw password that begins with '?' makes the URL read two ways. */
  @Test
  void aRawPasswordThatMakesTheUrlReadTwoWaysIsRefusedUnshown() throws Exception {
    Files.writeString(migrations.resolve("V0001__init.sql"), "SELECT 1;\n");
    Password password = new Password("?I=AAAAA!!AAAAA!", List.of("AAAAA"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SchemacodeCli.run(new String[] {"status", "--url", Form.USER_INFO.url(password), "--migrations",
        migrations.toString()}, new PrintWriter(out), new PrintWriter(err));
    String shown = out + "\n" + err;
    assertNoMark(password, shown, "USER_INFO");
    assertEquals(2, code, shown);
    assertTrue(err.toString().contains("can be read in more than one way"), shown);
  }

  private void neverShown(Password password, Form form) {
    String url = form.url(password);
    DatabaseUrl parsed;
    try {
      parsed = DatabaseUrl.parse(url, Map.of());
    } catch (ConfigurationException e) {
      assertFalse(form.valid() && form.encoded, "an encoded password must parse: " + e.getMessage());
      if (!ambiguousOnPurpose(password, form)) {
        assertNoMark(password, e.getMessage(), form + " refused");
      }
      return;
    }
    assertFalse(!form.valid(), "accepted a malformed URL: " + parsed);
    if (ambiguousOnPurpose(password, form)) {
      return;
    }
    if (form.encoded || !RAW_ESCAPE.matcher(password.text()).find()) {
      assertEquals(password.text(), parsed.connectionProperties().getProperty("password"), "the password as typed");
      assertNoMark(password, parsed.redact("driver said: " + password.text() + "."), "redact");
    } // else the raw text holds %XX, which is an escape: the password is another string, read as the URL says
    assertNoMark(password, parsed.toString(), "toString");
    assertNoMark(password, parsed.jdbcUrl(), "jdbcUrl");
    try {
      parsed.connect().close();
    } catch (DatabaseUnreachableException e) {
      assertNoMark(password, e.getMessage(), "connection failure");
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * A raw password that itself reads as URL syntax the parser must honour: {@code &name=} inside a
   * raw {@code password=} value starts another parameter, as in any URL. (Encoded, it is fine.)
   */
  private static boolean ambiguousOnPurpose(Password password, Form form) {
    return !form.encoded && form.inParameter() && NEXT_PARAMETER.matcher(password.text()).find();
  }

  private static void assertNoMark(Password password, String shown, String where) {
    for (String mark : password.marks()) {
      assertFalse(shown.contains(mark), () -> where + " shows " + mark + " of the password: " + shown);
    }
  }
}
