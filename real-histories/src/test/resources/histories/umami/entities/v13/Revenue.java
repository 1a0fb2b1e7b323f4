package umami;

import dev.schemacode.annotations.*;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(name = "revenue")
@Index(columns = {"revenue_id"}, unique = true, name = "revenue_revenue_id_key")
@Index(columns = {"website_id"})
@Index(columns = {"session_id"})
@Index(columns = {"website_id", "created_at"})
@Index(columns = {"website_id", "session_id", "created_at"})
public class Revenue {
  @Id
  UUID revenueId;

  UUID websiteId;

  UUID sessionId;

  UUID eventId;

  @Column(length = 50)
  String eventName;

  @Column(length = 100)
  String currency;

  @Column(precision = 19, scale = 4)
  @Nullable BigDecimal revenue;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;
}
