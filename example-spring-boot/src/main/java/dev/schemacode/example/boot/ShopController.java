package dev.schemacode.example.boot;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The JSON API: customers and their payments. Errors are RFC 9457 problem details (see {@link ApiErrors}). */
@RestController
public class ShopController {
  private final ShopService shop;

  public ShopController(ShopService shop) {
    this.shop = shop;
  }

  record NewCustomer(String email, String displayName) {}

  record NewPayment(BigDecimal amount, String currency, String reference) {}

  record CustomerView(long id, String email, String displayName, String createdAt, List<PaymentView> payments) {}

  record PaymentView(long id, long customerId, BigDecimal amount, String currency, String reference, String createdAt) {
    static PaymentView of(Payment payment) {
      return new PaymentView(payment.id(), payment.customerId(), payment.amount(), payment.currency(),
          payment.reference().orElse(null), payment.createdAt().toString());
    }
  }

  @PostMapping("/customers")
  ResponseEntity<CustomerView> createCustomer(@RequestBody NewCustomer body) {
    if (body.email() == null || !body.email().contains("@")) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "email must be an e-mail address");
    }
    Customer customer = shop.createCustomer(body.email(), body.displayName());
    return ResponseEntity.status(HttpStatus.CREATED).body(view(customer, List.of()));
  }

  @GetMapping("/customers/{id}")
  CustomerView customer(@PathVariable("id") long id) {
    Customer customer = shop.customer(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no customer " + id));
    return view(customer, shop.paymentsOf(id));
  }

  @PostMapping("/customers/{id}/payments")
  ResponseEntity<PaymentView> createPayment(@PathVariable("id") long id, @RequestBody NewPayment body) {
    shop.customer(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no customer " + id));
    if (body.amount() == null || body.currency() == null || body.currency().length() != 3) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "amount and a three-letter currency are required");
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(PaymentView.of(shop.createPayment(id, body.amount(), body.currency(), body.reference())));
  }

  private static CustomerView view(Customer customer, List<Payment> payments) {
    return new CustomerView(customer.id(), customer.email(), customer.displayName().orElse(null),
        customer.createdAt().toString(), payments.stream().map(PaymentView::of).toList());
  }
}
