package umami;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(name = "segment")
@Index(columns = {"segment_id"}, unique = true, name = "segment_segment_id_key")
@Index(columns = {"website_id"})
public class Segment {
  @Id
  UUID segmentId;

  UUID websiteId;

  @Column(length = 50)
  String type;

  @Column(length = 200)
  String name;

  @Json
  String parameters;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;

  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime updatedAt;
}
