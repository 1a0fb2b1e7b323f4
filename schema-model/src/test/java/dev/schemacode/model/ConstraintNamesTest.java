package dev.schemacode.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintNamesTest {
  @Test
  void followPostgresConventions() {
    assertEquals("orders_pkey", ConstraintNames.primaryKey("orders"));
    assertEquals("orders_email_key", ConstraintNames.unique("orders", List.of("email")));
    assertEquals("orders_tenant_id_number_key", ConstraintNames.unique("orders", List.of("tenant_id", "number")));
    assertEquals("orders_customer_id_fkey", ConstraintNames.foreignKey("orders", List.of("customer_id")));
    assertEquals("orders_created_at_idx", ConstraintNames.index("orders", List.of("created_at")));
    assertEquals("orders_amount_check", ConstraintNames.columnCheck("orders", "amount"));
  }

  @Test
  void tableChecksAreNamedAfterTheirExpression() {
    String a = ConstraintNames.tableCheck("orders", "a > b");
    assertTrue(a.matches("orders_[0-9a-f]{8}_check"), a);
    assertEquals(a, ConstraintNames.tableCheck("orders", "  a > b "));
    assertNotEquals(a, ConstraintNames.tableCheck("orders", "a >= b"));
  }

  @Test
  void longNamesAreShortenedDeterministicallyWithinSixtyThreeBytes() {
    String table = "customer_subscription_billing_period_adjustment";
    List<String> columns = List.of("subscription_identifier", "billing_period_identifier");
    String name = ConstraintNames.foreignKey(table, columns);
    assertTrue(ConstraintNames.bytes(name) <= 63, name);
    assertTrue(name.endsWith("_fkey"), name);
    assertTrue(name.startsWith("customer_subscription_billing_period_adj"), name);
    assertEquals(name, ConstraintNames.foreignKey(table, columns), "stable");
    assertNotEquals(name, ConstraintNames.foreignKey(table, List.of("subscription_identifier", "billing_period_identifiex")),
        "names that share a long prefix stay distinct");
  }

  @Test
  void shorteningNeverSplitsAMultiByteCharacter() {
    String name = ConstraintNames.index("ü".repeat(40), List.of("größe"));
    assertTrue(ConstraintNames.bytes(name) <= 63, name);
    assertEquals(name, new String(name.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(name.endsWith("_idx"));
  }
}
