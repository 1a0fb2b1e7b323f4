package umami;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(name = "session")
@Index(columns = {"session_id"}, unique = true, name = "session_session_id_key")
@Index(columns = {"created_at"})
@Index(columns = {"website_id"})
@Index(columns = {"website_id", "created_at"})
@Index(columns = {"website_id", "created_at", "hostname"})
@Index(columns = {"website_id", "created_at", "browser"})
@Index(columns = {"website_id", "created_at", "os"})
@Index(columns = {"website_id", "created_at", "device"})
@Index(columns = {"website_id", "created_at", "screen"})
@Index(columns = {"website_id", "created_at", "language"})
@Index(columns = {"website_id", "created_at", "country"})
@Index(columns = {"website_id", "created_at", "subdivision1"})
@Index(columns = {"website_id", "created_at", "city"})
public class Session {
  @Id
  UUID sessionId;

  UUID websiteId;

  @Column(length = 100)
  @Nullable String hostname;

  @Column(length = 20)
  @Nullable String browser;

  @Column(length = 20)
  @Nullable String os;

  @Column(length = 20)
  @Nullable String device;

  @Column(length = 11)
  @Nullable String screen;

  @Column(length = 35)
  @Nullable String language;

  @Column(type = "char(2)")
  @Nullable String country;

  @Column(length = 20)
  @Nullable String subdivision1;

  @Column(length = 50)
  @Nullable String subdivision2;

  @Column(length = 50)
  @Nullable String city;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;
}
