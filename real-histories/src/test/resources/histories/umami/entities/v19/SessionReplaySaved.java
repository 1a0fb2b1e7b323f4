package umami;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(name = "session_replay_saved")
@Unique(columns = {"website_id", "visit_id"})
@Index(columns = {"website_id"})
@Index(columns = {"visit_id"})
@Index(columns = {"website_id", "created_at"})
public class SessionReplaySaved {
  @Id
  UUID savedReplayId;

  @Column(length = 100)
  String name;

  UUID websiteId;

  UUID visitId;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;

  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime updatedAt;
}
