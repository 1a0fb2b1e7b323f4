package umami;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(name = "session_replay")
@Index(columns = {"website_id"})
@Index(columns = {"session_id"})
@Index(columns = {"website_id", "session_id"})
@Index(columns = {"website_id", "visit_id"})
@Index(columns = {"website_id", "created_at"})
@Index(columns = {"session_id", "chunk_index"})
public class SessionReplay {
  @Id
  UUID replayId;

  UUID websiteId;

  UUID sessionId;

  UUID visitId;

  int chunkIndex;

  byte[] events;

  int eventCount;

  @Column(type = "timestamptz(6)")
  OffsetDateTime startedAt;

  @Column(type = "timestamptz(6)")
  OffsetDateTime endedAt;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;
}
