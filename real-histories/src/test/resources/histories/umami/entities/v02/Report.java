package umami;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(name = "report")
@Index(columns = {"report_id"}, unique = true, name = "report_report_id_key")
@Index(columns = {"user_id"})
@Index(columns = {"website_id"})
@Index(columns = {"type"})
@Index(columns = {"name"})
public class Report {
  @Id
  UUID reportId;

  UUID userId;

  UUID websiteId;

  @Column(length = 200)
  String type;

  @Column(length = 200)
  String name;

  @Column(length = 500)
  String description;

  @Column(length = 6000)
  String parameters;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;

  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime updatedAt;
}
