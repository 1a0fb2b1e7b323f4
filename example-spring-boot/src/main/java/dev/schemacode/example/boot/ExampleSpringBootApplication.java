package dev.schemacode.example.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The example shop as a Spring Boot service. It has no database code of its own beyond its queries:
 * the schemacode starter applies the migrations during start-up, before jOOQ's {@code DSLContext}
 * exists, and reports them under {@code /actuator/health} and {@code /actuator/schemacode}.
 */
@SpringBootApplication
public class ExampleSpringBootApplication {
  public static void main(String[] args) {
    SpringApplication.run(ExampleSpringBootApplication.class, args);
  }
}
