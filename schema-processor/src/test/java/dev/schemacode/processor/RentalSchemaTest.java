package dev.schemacode.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.schemacode.testing.TestDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A realistic schema (a film rental store: 17 tables in three schemas, using every declaration
 * feature) compiled with the processor; the generated migration is compared with its golden file,
 * applied to a real PostgreSQL, and the catalog read back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RentalSchemaTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  @TempDir static Path migrations;
  private static String v0001;

  @BeforeAll
  static void compileAndApply() throws Exception {
    Compilation compilation = ProcessorHarness.compile(migrations, sources());
    assertThat(compilation).succeeded();
    v0001 = Files.readString(migrations.resolve("V0001__init.sql"));
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(v0001);
    }
  }

  static JavaFileObject[] sources() throws IOException, URISyntaxException {
    URL root = RentalSchemaTest.class.getResource("/rental");
    List<JavaFileObject> files = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(Path.of(root.toURI()))) {
      for (Path path : (Iterable<Path>) paths.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
        files.add(JavaFileObjects.forResource(path.toUri().toURL()));
      }
    }
    return files.toArray(JavaFileObject[]::new);
  }

  @Test
  @Order(1)
  void generatedMigrationMatchesTheGoldenFile() throws IOException {
    Path golden = Path.of("src/test/resources/golden/rental-V0001__init.sql");
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    if (!expected.equals(v0001)) {
      Path actual = Path.of("target/rental-V0001__init.actual.sql");
      Files.writeString(actual, v0001);
      assertEquals(expected, v0001, "generated migration differs from " + golden + "; actual output in " + actual);
    }
  }

  @Test
  void tablesInTheirSchemas() throws SQLException {
    assertEquals(List.of(
            "audit.audit_log", "public.actor", "public.address", "public.category", "public.city", "public.film",
            "public.film_actor", "public.film_category", "public.inventory", "public.language", "public.payment",
            "public.price_change", "public.rental", "public.staff", "public.store", "public.user", "ref.country"),
        column("SELECT schemaname || '.' || tablename FROM pg_tables"
            + " WHERE schemaname IN ('public', 'ref', 'audit') ORDER BY 1"));
  }

  @Test
  void columnTypesNullabilityAndDefaults() throws SQLException {
    Map<String, String> film = columns("public", "film");
    assertEquals(new LinkedHashMap<>(Map.ofEntries(
        Map.entry("id", "bigint NOT NULL identity"),
        Map.entry("created_at", "timestamp with time zone NOT NULL DEFAULT now()"),
        Map.entry("title", "text NOT NULL"),
        Map.entry("description", "text NULL"),
        Map.entry("release_year", "integer NOT NULL"),
        Map.entry("language_id", "integer NOT NULL"),
        Map.entry("length", "interval NOT NULL"),
        Map.entry("rental_rate", "numeric(4,2) NOT NULL DEFAULT 4.99"),
        Map.entry("rating", "mpaa_rating NOT NULL DEFAULT 'G'::mpaa_rating"),
        Map.entry("special_features", "text[] NOT NULL"),
        Map.entry("metadata", "jsonb NOT NULL"),
        Map.entry("average_score", "double precision NOT NULL"))), new LinkedHashMap<>(film));
    assertEquals(List.of("id", "created_at", "title", "description", "release_year", "language_id", "length",
        "rental_rate", "rating", "special_features", "metadata", "average_score"), List.copyOf(film.keySet()),
        "inherited columns first, then declaration order");

    Map<String, String> payment = columns("public", "payment");
    assertEquals("bigint NULL", payment.get("rental_id"));
    assertEquals("uuid NOT NULL DEFAULT gen_random_uuid()", payment.get("reference"));
    assertEquals("character varying(3) NOT NULL DEFAULT 'EUR'::character varying", payment.get("currency"));
    assertEquals("payment_status NOT NULL", payment.get("status"));
    assertEquals("timestamp with time zone NOT NULL", payment.get("paid_at"));

    Map<String, String> store = columns("public", "store");
    assertEquals("time without time zone NOT NULL", store.get("opens_at"));
    assertEquals("jsonb NULL", store.get("settings"));
    assertEquals("bytea NULL", columns("public", "staff").get("picture"));
    assertEquals("staff_role NOT NULL DEFAULT 'CLERK'::staff_role", columns("public", "staff").get("role"));
    assertEquals("date NULL", columns("public", "user").get("birth_date"));
    assertEquals("timestamp without time zone NOT NULL", columns("public", "price_change").get("valid_from"));
    assertEquals("smallint NULL", columns("public", "category").get("parent_id"));
    assertEquals("inet NULL", columns("audit", "audit_log").get("client_ip"));
    assertEquals("bigint[] NOT NULL", columns("audit", "audit_log").get("touched_ids"));
    assertEquals("point NULL", columns("public", "address").get("location"));
    assertEquals("character varying(2) NOT NULL", columns("ref", "country").get("code"));
  }

  @Test
  void enumTypesAreSharedAndOrdered() throws SQLException {
    assertEquals(List.of(
            "membership_level: BASIC,SILVER,GOLD", "mpaa_rating: G,PG,PG_13,R,NC_17",
            "payment_status: PENDING,COLLECTED,FAILED,REFUNDED", "staff_role: CLERK,MANAGER,OWNER"),
        column("SELECT t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)"
            + " FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1"));
    assertEquals("payment_status NOT NULL DEFAULT 'PENDING'::payment_status",
        columns("public", "rental").get("payment_status"));
  }

  @Test
  void keysAndConstraints() throws SQLException {
    assertEquals(List.of(
            "film_actor_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES actor(id) ON DELETE CASCADE",
            "film_actor_film_id_fkey FOREIGN KEY (film_id) REFERENCES film(id) ON UPDATE CASCADE ON DELETE CASCADE",
            "film_actor_pkey PRIMARY KEY (actor_id, film_id)"),
        constraints("film_actor"));
    assertEquals(List.of(
            "price_change_film_id_category_id_fkey FOREIGN KEY (film_id, category_id)"
                + " REFERENCES film_category(film_id, category_id) ON DELETE CASCADE",
            "price_change_pkey PRIMARY KEY (id)"),
        constraints("price_change"));
    assertEquals(List.of(
            "category_name_key UNIQUE (name)",
            "category_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES category(id) ON DELETE SET NULL",
            "category_pkey PRIMARY KEY (id)"),
        constraints("category"));
    assertEquals(List.of(
            "city_country_code_fkey FOREIGN KEY (country_code) REFERENCES ref.country(code)",
            "city_pkey PRIMARY KEY (id)"),
        constraints("city"));
    assertEquals(List.of(
            "address_city_id_fkey FOREIGN KEY (city_id) REFERENCES city(id) ON DELETE RESTRICT",
            "address_pkey PRIMARY KEY (id)"),
        constraints("address"));
    assertEquals(List.of(
            "rental_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES \"user\"(id)",
            "rental_inventory_id_fkey FOREIGN KEY (inventory_id) REFERENCES inventory(id)",
            "rental_pkey PRIMARY KEY (id)",
            "rental_return_after_rent CHECK (((returned_at IS NULL) OR (returned_at >= rented_at)))",
            "rental_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES staff(id)"),
        constraints("rental"));
    assertEquals(List.of(
            "film_language_id_fkey FOREIGN KEY (language_id) REFERENCES language(id)",
            "film_pkey PRIMARY KEY (id)",
            "film_release_year_check CHECK (((release_year >= 1888) AND (release_year <= 2100)))"),
        constraints("film"));
    assertEquals(List.of(
            "payment_amount_check CHECK ((amount >= (0)::numeric))",
            "payment_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES \"user\"(id)",
            "payment_pkey PRIMARY KEY (id)",
            "payment_reference_key UNIQUE (reference)",
            "payment_rental_id_fkey FOREIGN KEY (rental_id) REFERENCES rental(id) ON DELETE SET NULL"),
        constraints("payment"));
    assertEquals(List.of(
            "staff_email_key UNIQUE (email)",
            "staff_pkey PRIMARY KEY (id)",
            "staff_store_id_fkey FOREIGN KEY (store_id) REFERENCES store(id) ON DELETE CASCADE",
            "staff_store_id_last_name_first_name_key UNIQUE (store_id, last_name, first_name)"),
        constraints("staff"));
    assertEquals(List.of(
            "user_born_after_1900 CHECK ((birth_date > '1900-01-01'::date))",
            "user_email_key UNIQUE (email)",
            "user_pkey PRIMARY KEY (id)"),
        constraints("user"));
  }

  @Test
  void indexesIncludingPartialAndMethods() throws SQLException {
    List<String> indexes = column("SELECT indexdef FROM pg_indexes WHERE schemaname IN ('public', 'audit', 'ref')"
        + " AND indexname NOT LIKE '%pkey' AND indexname NOT LIKE '%key' ORDER BY indexname");
    assertEquals(List.of(
        "CREATE INDEX actor_last_name_first_name_idx ON public.actor USING btree (last_name, first_name)",
        "CREATE INDEX audit_log_payload_idx ON audit.audit_log USING gin (payload)",
        "CREATE INDEX city_country_code_name_idx ON public.city USING btree (country_code, name)",
        "CREATE INDEX film_metadata_idx ON public.film USING gin (metadata)",
        "CREATE INDEX inventory_store_id_film_id_idx ON public.inventory USING btree (store_id, film_id)",
        "CREATE UNIQUE INDEX rental_open_inventory_idx ON public.rental USING btree (inventory_id) WHERE (returned_at IS NULL)",
        "CREATE INDEX rental_rented_at_idx ON public.rental USING brin (rented_at)",
        "CREATE INDEX user_active_email_idx ON public.\"user\" USING btree (email) WHERE active",
        "CREATE INDEX user_tags_idx ON public.\"user\" USING gin (tags)"), indexes);
  }

  @Test
  void comments() throws SQLException {
    assertEquals(List.of("Films in the catalogue"), column("SELECT obj_description('public.film'::regclass, 'pg_class')"));
    assertEquals(List.of("Title as shown to customers"),
        column("SELECT col_description('public.film'::regclass, 2 + 1)"));
    assertEquals(List.of("ISO 3166 countries"), column("SELECT obj_description('ref.country'::regclass, 'pg_class')"));
    assertEquals(List.of("Who did what, when"), column("SELECT obj_description('audit.audit_log'::regclass, 'pg_class')"));
  }

  @Test
  void theSchemaWorksWithData() throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO ref.country VALUES ('DE', 'Germany')");
      statement.execute("INSERT INTO language (name) VALUES ('German')");
      statement.execute("INSERT INTO film (title, release_year, language_id, length, special_features, metadata, average_score)"
          + " VALUES ('M', 1931, 1, interval '117 minutes', ARRAY['Trailers'], '{\"director\": \"Lang\"}', 8.3)");
      try (ResultSet result = statement.executeQuery("SELECT rental_rate, rating, created_at IS NOT NULL FROM film")) {
        assertTrue(result.next());
        assertEquals("4.99", result.getString(1));
        assertEquals("G", result.getString(2));
        assertTrue(result.getBoolean(3));
      }
      SQLException tooOld = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> statement.execute(
          "INSERT INTO film (title, release_year, language_id, length, special_features, metadata, average_score)"
              + " VALUES ('x', 1800, 1, interval '1 minute', '{}', '{}', 0)"));
      assertTrue(tooOld.getMessage().contains("film_release_year_check"), tooOld.getMessage());
    }
  }

  private static Map<String, String> columns(String schema, String table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    String sql = "SELECT a.attname, format_type(a.atttypid, a.atttypmod)"
        + " || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ' NULL' END"
        + " || CASE WHEN a.attidentity <> '' THEN ' identity' ELSE '' END"
        + " || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')"
        + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
        + " WHERE n.nspname = '" + schema + "' AND c.relname = '" + table + "' AND a.attnum > 0 AND NOT a.attisdropped"
        + " ORDER BY a.attnum";
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        columns.put(result.getString(1), result.getString(2));
      }
    }
    return columns;
  }

  private static List<String> constraints(String table) throws SQLException {
    return column("SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
        + " WHERE conrelid = 'public.\"" + table + "\"'::regclass AND contype <> 'n' ORDER BY conname");
  }

  private static List<String> column(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        values.add(result.getString(1));
      }
    }
    return values;
  }
}
