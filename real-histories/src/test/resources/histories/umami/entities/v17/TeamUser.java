package umami;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(name = "team_user")
@Index(columns = {"team_id"})
@Index(columns = {"user_id"})
public class TeamUser {
  @Id
  UUID teamUserId;

  UUID teamId;

  UUID userId;

  @Column(length = 50)
  String role;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;

  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime updatedAt;
}
