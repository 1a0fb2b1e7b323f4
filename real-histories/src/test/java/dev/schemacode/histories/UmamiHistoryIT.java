package dev.schemacode.histories;

import dev.schemacode.testkit.MigrationTester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Umami (web analytics, github.com/umami-software/umami): its 19 PostgreSQL migrations, 2020s Prisma
 * history, re-declared as 20 entity versions. Types: {@code timestamptz(6)}, {@code varchar(n)},
 * {@code char(2)}, {@code numeric(19,4)} and {@code (10,1)}, {@code jsonb}, {@code bytea}, {@code boolean};
 * changes: column and primary-key renames, dropped tables, columns and indexes (unique ones too), a
 * {@code varchar} → {@code jsonb} conversion, three narrowings, a required column added with a backfill.
 * Where the facts come from: {@code src/test/resources/histories/umami/SOURCE.md}.
 */
class UmamiHistoryIT {
  private static final String HISTORY = "umami";

  @RegisterExtension
  static final MigrationTester kit = MigrationTester.directory(HistoryReplay.cleanMigrations(HISTORY));

  @Test
  void replaysTheProjectsHistory() throws Exception {
    new HistoryReplay(HISTORY, kit).replay(List.of(
        Step.of("v01", "01_init.sql"),
        Step.of("v02", "02_report_schema_session_data.sql").renaming(
            "event_data.event_data_type -> data_type", "event_data.event_date_value -> date_value",
            "event_data.event_id -> event_data_id", "event_data.event_numeric_value -> number_value",
            "event_data.event_string_value -> string_value"),
        Step.of("v03", "03_metric_performance_index.sql"),
        Step.of("v04", "04_team_redesign.sql"),
        Step.of("v05a").thenBackfill("backfill_visit_id.sql"),
        Step.of("v05b", "05_add_visit_id.sql").filling("website_event.visit_id"),
        Step.of("v06", "06_session_data.sql").renaming("event_data.event_key -> data_key", "session_data.session_key -> data_key"),
        Step.of("v07", "07_add_tag.sql"),
        Step.of("v08", "08_add_utm_clid.sql"),
        Step.of("v09", "09_update_hostname_region.sql").renaming("session.subdivision1 -> region"),
        Step.of("v10", "10_add_distinct_id.sql"),
        Step.of("v11", "11_add_segment.sql"),
        Step.of("v12", "12_update_report_parameter.sql"),
        Step.of("v13", "13_add_revenue.sql"),
        Step.of("v14", "14_add_link_and_pixel.sql"),
        Step.of("v15", "15_add_share.sql"),
        Step.of("v16", "16_boards.sql"),
        Step.of("v17", "17_remove_duplicate_key.sql"),
        Step.of("v18", "18_add_performance.sql"),
        Step.of("v19", "19_add_session_replay.sql")));
  }
}
