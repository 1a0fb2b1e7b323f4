package umami;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(name = "board")
@Index(columns = {"slug"}, unique = true, name = "board_slug_key")
@Index(columns = {"slug"})
@Index(columns = {"user_id"})
@Index(columns = {"team_id"})
@Index(columns = {"created_at"})
public class Board {
  @Id
  UUID boardId;

  @Column(length = 50)
  String type;

  @Column(length = 200)
  String name;

  @Column(length = 500)
  String description;

  @Json
  String parameters;

  @Column(length = 100)
  String slug;

  @Nullable UUID userId;

  @Nullable UUID teamId;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;

  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime updatedAt;
}
