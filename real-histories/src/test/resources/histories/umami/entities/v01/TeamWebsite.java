package umami;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(name = "team_website")
@Index(columns = {"team_website_id"}, unique = true, name = "team_website_team_website_id_key")
@Index(columns = {"team_id"})
@Index(columns = {"website_id"})
public class TeamWebsite {
  @Id
  UUID teamWebsiteId;

  UUID teamId;

  UUID websiteId;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;
}
