package umami;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(name = "website")
@Index(columns = {"website_id"}, unique = true, name = "website_website_id_key")
@Index(columns = {"share_id"}, unique = true, name = "website_share_id_key")
@Index(columns = {"user_id"})
@Index(columns = {"created_at"})
@Index(columns = {"share_id"})
@Index(columns = {"team_id"})
@Index(columns = {"created_by"})
public class Website {
  @Id
  UUID websiteId;

  @Column(length = 100)
  String name;

  @Column(length = 500)
  @Nullable String domain;

  @Column(length = 50)
  @Nullable String shareId;

  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime resetAt;

  @Nullable UUID userId;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;

  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime updatedAt;

  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime deletedAt;

  @Nullable UUID createdBy;

  @Nullable UUID teamId;
}
