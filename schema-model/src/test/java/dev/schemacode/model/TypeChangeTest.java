package dev.schemacode.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Type changes, classified as PostgreSQL treats them: catalog-only, a rewrite that every value
 * survives, or a narrowing that needs an acknowledgement. Rows marked "19" were called data loss
 * (issue 19); the spellings are deliberately mixed, as the catalog and declarations write them.
 */
class TypeChangeTest {
  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      // text
      "varchar(10)                  | text                         | NO_REWRITE",
      "character varying(10)        | varchar(20)                  | NO_REWRITE",
      "varchar(20)                  | varchar(10)                  | NARROWING",
      "text                         | varchar(200)                 | NARROWING",
      "text                         | varchar                      | NO_REWRITE",
      "char(3)                      | char(5)                      | REWRITE",
      "char(5)                      | char(3)                      | NARROWING",
      "char(3)                      | text                         | REWRITE",
      "varchar(3)                   | character(5)                 | REWRITE",
      // any type to text holds its text form (19)
      "integer                      | text                         | REWRITE",
      "int                          | character varying            | REWRITE",
      "bigint                       | varchar(20)                  | REWRITE",
      "bigint                       | varchar(19)                  | NARROWING",
      "uuid                         | varchar(36)                  | REWRITE",
      "boolean                      | text                         | REWRITE",
      "timestamptz                  | text                         | REWRITE",
      "mood                         | text                         | REWRITE",
      "text                         | integer                      | NARROWING",
      "text                         | mood                         | NARROWING",
      // numbers
      "smallint                     | bigint                       | REWRITE",
      "int4                         | int8                         | REWRITE",
      "bigint                       | integer                      | NARROWING",
      "integer                      | numeric                      | REWRITE",
      "integer                      | numeric(12,2)                | REWRITE",
      "integer                      | numeric(10,2)                | NARROWING",
      "bigint                       | numeric(21,2)                | REWRITE",
      "smallint                     | numeric(5)                   | REWRITE",
      "integer                      | double precision             | REWRITE",
      "integer                      | real                         | NARROWING",
      "smallint                     | float4                       | REWRITE",
      "bigint                       | float8                       | NARROWING",
      "real                         | double precision             | REWRITE",
      "float(30)                    | float(10)                    | NARROWING",
      "numeric(10,2)                | integer                      | NARROWING",
      "double precision             | bigint                       | NARROWING",
      "numeric                      | double precision             | NARROWING",
      "numeric(10,2)                | numeric(12,2)                | NO_REWRITE",
      "decimal(10,2)                | numeric                      | NO_REWRITE",
      "numeric(10,2)                | numeric(12,4)                | REWRITE",
      "numeric(10,2)                | numeric(10,4)                | NARROWING",
      "numeric(10,2)                | numeric(10,1)                | NARROWING",
      "numeric                      | numeric(10,2)                | NARROWING",
      // arrays: element by element (19)
      "integer[]                    | bigint[]                     | REWRITE",
      "int[]                        | numeric[]                    | REWRITE",
      "bigint[]                     | integer[]                    | NARROWING",
      "varchar(10)[]                | varchar(20)[]                | REWRITE",
      "character varying(20)[]      | text[]                       | REWRITE",
      "text[]                       | varchar(20)[]                | NARROWING",
      "numeric(10,2)[]              | numeric(12,2)[]              | REWRITE",
      "integer[]                    | text[]                       | REWRITE",
      "integer                      | integer[]                    | NARROWING",
      "integer[]                    | integer                      | NARROWING",
      // points in time
      "timestamp                    | timestamptz                  | REWRITE",
      "timestamp(3)                 | timestamp(6)                 | NO_REWRITE",
      "timestamp(6) with time zone  | timestamptz                  | NO_REWRITE",
      "timestamptz(6)               | timestamp(3) with time zone  | NARROWING",
      "timestamptz                  | timestamptz(0)               | NARROWING",
      "timestamp(0)                 | timestamptz(3)               | REWRITE",
      "timestamp(6)                 | timestamptz(3)               | NARROWING",
      "timestamptz                  | timestamp                    | NARROWING",
      "date                         | timestamptz                  | REWRITE",
      "date                         | timestamp(0)                 | REWRITE",
      "timestamp                    | date                         | NARROWING",
      "time(3) without time zone    | time                         | NO_REWRITE",
      "time                         | time(2)                      | NARROWING",
      "time(2)                      | timetz(2)                    | REWRITE",
      "timetz                       | time                         | NARROWING",
      // intervals
      "interval(3)                  | interval                     | NO_REWRITE",
      "interval                     | interval(3)                  | NARROWING",
      "interval day to second(3)    | interval                     | NO_REWRITE",
      "interval                     | interval day to second       | NO_REWRITE",
      "interval                     | interval day                 | NARROWING",
      "interval year to month       | interval day to second       | NO_REWRITE",
      "interval hour to minute      | interval minute              | NO_REWRITE",
      "interval second              | interval hour                | NARROWING",
      // bit strings
      "bit varying(8)               | varbit(16)                   | NO_REWRITE",
      "varbit(8)                    | bit varying                  | NO_REWRITE",
      "varbit(16)                   | varbit(8)                    | NARROWING",
      "bit(3)                       | varbit(5)                    | REWRITE",
      "bit(3)                       | bit(5)                       | NARROWING",
      "varbit(3)                    | bit(3)                       | NARROWING",
      // other types
      "uuid                         | mood                         | NARROWING",
      "mood                         | billing.status               | NARROWING",
      "jsonb                        | json                         | NARROWING",
  })
  void classifiesAsPostgresqlTreatsIt(String from, String to, TypeChange expected) {
    assertEquals(expected, TypeChange.classify(from, to));
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "varchar(200)     | varchar(50)   | true",
      "text             | char(2)       | true",
      "numeric(10,2)    | integer       | true",
      "double precision | real          | true",
      "bigint[]         | integer[]     | true",
      "timestamptz      | date          | true",
      "timestamp(6)     | timestamp(0)  | true",
      "interval         | interval day  | true",
      "time             | timetz        | true",
      "varbit(8)        | bit(4)        | true",
      "text             | integer       | false",
      "text             | mood          | false",
      "timestamp        | time          | false",
      "integer          | integer[]     | false",
  })
  void assignmentCastsNeedNoUsing(String from, String to, boolean assignable) {
    assertEquals(assignable, TypeChange.assignable(from, to));
  }
}
