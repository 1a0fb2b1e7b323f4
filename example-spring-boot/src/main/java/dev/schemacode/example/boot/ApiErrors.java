package dev.schemacode.example.boot;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What a client hears when the database refuses: one sentence and a status. PostgreSQL's message
 * (with the SQL and the constraint) goes to the log, never to the client.
 */
@RestControllerAdvice
public class ApiErrors {
  private static final Log LOG = LogFactory.getLog(ApiErrors.class);

  @ExceptionHandler(ShopService.EmailTakenException.class)
  ProblemDetail emailTaken(ShopService.EmailTakenException e) {
    LOG.info(e.getMessage() + ": " + e.getCause().getMessage());
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail conflict(DataIntegrityViolationException e) {
    LOG.info("request refused by a constraint: " + e.getMessage());
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "the request conflicts with data already stored");
  }

  @ExceptionHandler(DataAccessException.class)
  ProblemDetail unavailable(DataAccessException e) {
    LOG.warn("database error: " + e.getMessage());
    return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "the database is not available");
  }
}
