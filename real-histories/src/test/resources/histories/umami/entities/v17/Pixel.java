package umami;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(name = "pixel")
@Index(columns = {"slug"}, unique = true, name = "pixel_slug_key")
@Index(columns = {"slug"})
@Index(columns = {"user_id"})
@Index(columns = {"team_id"})
@Index(columns = {"created_at"})
public class Pixel {
  @Id
  UUID pixelId;

  @Column(length = 100)
  String name;

  @Column(length = 100)
  String slug;

  @Nullable UUID userId;

  @Nullable UUID teamId;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;

  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime updatedAt;

  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime deletedAt;
}
