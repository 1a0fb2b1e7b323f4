package dev.schemacode.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jooq.exception.IntegrityConstraintViolationException;

/** The JSON endpoints: customers, their funding coverages and payments. */
final class ShopApi {
  private static final System.Logger LOG = System.getLogger("dev.schemacode.example");
  private final ShopService shop;

  ShopApi(ShopService shop) {
    this.shop = shop;
  }

  Router routes(Router router) {
    return router
        .route("POST", "/customers", this::createCustomer)
        .route("GET", "/customers/([^/]+)", this::customer)
        .route("POST", "/customers/([^/]+)/coverages", this::createCoverage)
        .route("POST", "/customers/([^/]+)/payments", this::createPayment)
        .route("GET", "/coverages", this::coverages)
        .route("POST", "/coverages/([^/]+)/collect", this::collect);
  }

  private Router.Response createCustomer(Router.Request request) {
    String email = requiredText(request.body(), "email");
    if (!email.contains("@")) {
      throw ApiException.badRequest("email must be an email address");
    }
    Customer customer;
    try {
      customer = shop.createCustomer(email, optionalText(request.body(), "displayName"));
    } catch (IntegrityConstraintViolationException e) {
      if (!ShopService.isUniqueEmailViolation(e)) {
        throw e;
      }
      LOG.log(System.Logger.Level.INFO, "customer not created, e-mail taken: {0}", Router.firstLine(e.getMessage()));
      throw ApiException.conflict("a customer with e-mail " + email + " already exists");
    }
    return new Router.Response(201, json(customer));
  }

  private Router.Response customer(Router.Request request) {
    long id = request.id(0);
    Customer customer = shop.customer(id).orElseThrow(() -> ApiException.notFound("no customer " + id));
    ObjectNode body = json(customer);
    ArrayNode coverages = body.putArray("coverages");
    shop.coveragesOf(id).forEach(coverage -> coverages.add(json(coverage)));
    ArrayNode payments = body.putArray("payments");
    shop.paymentsOf(id).forEach(payment -> payments.add(json(payment)));
    return new Router.Response(200, body);
  }

  private Router.Response createCoverage(Router.Request request) {
    long customerId = request.id(0);
    shop.customer(customerId).orElseThrow(() -> ApiException.notFound("no customer " + customerId));
    JsonNode body = request.body();
    FundingCoverage coverage = shop.createCoverage(customerId, amount(body), optionalText(body, "currency"),
        date(body, "periodStart"), date(body, "periodEnd"));
    return new Router.Response(201, json(coverage));
  }

  private Router.Response createPayment(Router.Request request) {
    long customerId = request.id(0);
    shop.customer(customerId).orElseThrow(() -> ApiException.notFound("no customer " + customerId));
    JsonNode body = request.body();
    Payment payment = shop.createPayment(customerId, amount(body), requiredText(body, "currency"),
        optionalText(body, "reference"));
    return new Router.Response(201, json(payment));
  }

  private Router.Response coverages(Router.Request request) {
    String status = request.query().getOrDefault("status", "PENDING").toUpperCase(Locale.ROOT);
    CollectionStatus wanted;
    try {
      wanted = CollectionStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("status must be one of PENDING, COLLECTED, WRITTEN_OFF");
    }
    ArrayNode list = Router.JSON.createArrayNode();
    for (ShopService.CoverageView view : shop.coverages(wanted)) {
      list.add(json(view.coverage()).put("customerEmail", view.customerEmail()));
    }
    return new Router.Response(200, list);
  }

  private Router.Response collect(Router.Request request) {
    long id = request.id(0);
    return shop.collect(id)
        .map(coverage -> new Router.Response(200, json(coverage)))
        .orElseThrow(() -> shop.coverageExists(id)
            ? ApiException.conflict("coverage " + id + " is not pending")
            : ApiException.notFound("no coverage " + id));
  }

  // ---- JSON

  private static ObjectNode json(Customer customer) {
    ObjectNode node = Router.JSON.createObjectNode();
    node.put("id", customer.id);
    node.put("email", customer.email);
    node.put("displayName", customer.displayName);
    node.put("createdAt", customer.createdAt.toString());
    return node;
  }

  private static ObjectNode json(FundingCoverage coverage) {
    ObjectNode node = Router.JSON.createObjectNode();
    node.put("id", coverage.id);
    node.put("customerId", coverage.customerId);
    node.put("amount", coverage.amount);
    node.put("currency", coverage.currency);
    node.put("periodStart", coverage.periodStart.toString());
    node.put("periodEnd", coverage.periodEnd.toString());
    node.put("collectionStatus", coverage.collectionStatus.name());
    node.put("collectedAt", coverage.collectedAt == null ? null : coverage.collectedAt.toString());
    return node;
  }

  private static ObjectNode json(Payment payment) {
    ObjectNode node = Router.JSON.createObjectNode();
    node.put("id", payment.id());
    node.put("customerId", payment.customerId());
    node.put("amount", payment.amount());
    node.put("currency", payment.currency());
    node.put("reference", payment.reference().orElse(null));
    node.put("createdAt", payment.createdAt().toString());
    return node;
  }

  private static String requiredText(JsonNode body, String field) {
    String value = optionalText(body, field);
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field + " is required");
    }
    return value;
  }

  private static String optionalText(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static BigDecimal amount(JsonNode body) {
    try {
      return new BigDecimal(requiredText(body, "amount"));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("amount must be a number");
    }
  }

  private static LocalDate date(JsonNode body, String field) {
    try {
      return LocalDate.parse(requiredText(body, field));
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(field + " must be a date like 2026-01-31");
    }
  }
}
