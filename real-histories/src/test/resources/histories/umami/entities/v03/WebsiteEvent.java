package umami;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(name = "website_event")
@Index(columns = {"created_at"})
@Index(columns = {"session_id"})
@Index(columns = {"website_id"})
@Index(columns = {"website_id", "created_at"})
@Index(columns = {"website_id", "session_id", "created_at"})
@Index(columns = {"website_id", "created_at", "url_path"})
@Index(columns = {"website_id", "created_at", "url_query"})
@Index(columns = {"website_id", "created_at", "referrer_domain"})
@Index(columns = {"website_id", "created_at", "page_title"})
@Index(columns = {"website_id", "created_at", "event_name"})
public class WebsiteEvent {
  @Id
  UUID eventId;

  UUID websiteId;

  UUID sessionId;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;

  @Column(length = 500)
  String urlPath;

  @Column(length = 500)
  @Nullable String urlQuery;

  @Column(length = 500)
  @Nullable String referrerPath;

  @Column(length = 500)
  @Nullable String referrerQuery;

  @Column(length = 500)
  @Nullable String referrerDomain;

  @Column(length = 500)
  @Nullable String pageTitle;

  @Default("1")
  int eventType;

  @Column(length = 50)
  @Nullable String eventName;
}
