package dev.schemacode.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {
  @ParameterizedTest
  @CsvSource({
      "FundingCoverage, funding_coverage",
      "collectedAt, collected_at",
      "id, id",
      "HTTPRequest, http_request",
      "userID, user_id",
      "sha256Hex, sha256_hex",
      "already_snake, already_snake",
      "A, a",
      "URL, url",
      "pdfURLValue, pdf_url_value",
  })
  void snakeCase(String javaName, String expected) {
    assertEquals(expected, Names.snakeCase(javaName));
  }
}
