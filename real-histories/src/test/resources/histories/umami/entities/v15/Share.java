package umami;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(name = "share")
@Index(columns = {"slug"}, unique = true, name = "share_slug_key")
@Index(columns = {"entity_id"})
public class Share {
  @Id
  UUID shareId;

  UUID entityId;

  @Column(length = 200)
  String name;

  int shareType;

  @Column(length = 100)
  String slug;

  @Json
  String parameters;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;

  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime updatedAt;
}
