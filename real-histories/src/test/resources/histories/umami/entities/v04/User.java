package umami;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(name = "user")
@Index(columns = {"user_id"}, unique = true, name = "user_user_id_key")
@Index(columns = {"username"}, unique = true, name = "user_username_key")
public class User {
  @Id
  UUID userId;

  @Column(length = 255)
  String username;

  @Column(length = 60)
  String password;

  @Column(length = 50)
  String role;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;

  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime updatedAt;

  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime deletedAt;

  @Column(length = 255)
  @Nullable String displayName;

  @Column(length = 2183)
  @Nullable String logoUrl;
}
