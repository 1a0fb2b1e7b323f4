package umami;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(name = "team")
@Index(columns = {"access_code"}, unique = true, name = "team_access_code_key")
@Index(columns = {"access_code"})
public class Team {
  @Id
  UUID teamId;

  @Column(length = 50)
  String name;

  @Column(length = 50)
  @Nullable String accessCode;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;

  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime updatedAt;

  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime deletedAt;

  @Column(length = 2183)
  @Nullable String logoUrl;
}
