package dev.schemacode.histories;

import dev.schemacode.testkit.MigrationTester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hoppscotch (API development platform, github.com/hoppscotch/hoppscotch): the first 13 PostgreSQL
 * migrations of its backend's Prisma history, from the squashed initial schema of 2023 to the move of every
 * timestamp to {@code timestamptz(3)} in 2025, re-declared as 12 entity versions (one is raw SQL the
 * declarations do not express, see SOURCE.md). Mixed-case names, PostgreSQL enum types (one renamed),
 * foreign keys with {@code CASCADE}, {@code SET NULL} and {@code RESTRICT} actions and self-references,
 * tables without a primary key, {@code jsonb}, composite unique indexes, {@code timestamp(3)} converted to
 * {@code timestamptz(3)} with rows in every table.
 */
class HoppscotchHistoryIT {
  private static final String HISTORY = "hoppscotch";

  @RegisterExtension
  static final MigrationTester kit = MigrationTester.directory(HistoryReplay.cleanMigrations(HISTORY));

  @Test
  void replaysTheProjectsHistory() throws Exception {
    new HistoryReplay(HISTORY, kit).replay(List.of(
        Step.of("v01", "20230406064219_init.sql"),
        Step.of("v02", "20231106120154_embeds_addition.sql"),
        Step.of("v03", "20231124104640_infra_config.sql"),
        Step.of("v04", "20231130082054_collection_headers.sql"),
        Step.of("v05", "20240519093155_add_last_logged_on_to_user.sql"),
        Step.of("v06", "20240520091033_personal_access_tokens.sql"),
        Step.of("v07", "20240621062554_user_last_active_on.sql"),
        Step.of("v08", "20240725043411_infra_config_encryption.sql"),
        Step.of("v09", "20240726121956_infra_token.sql"),
        Step.of("v10", "20241118054346_infra_config_sync_with_env_file.sql"),
        Step.of("v11", "20250306054346_team_access_role_enum.sql"),
        Step.of("v12", "20250725154928_timestamp_with_timezone.sql")));
  }
}
