package umami;

import dev.schemacode.annotations.*;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(name = "session_data")
@Index(columns = {"created_at"})
@Index(columns = {"website_id"})
@Index(columns = {"session_id"})
@Index(columns = {"session_id", "created_at"})
@Index(columns = {"website_id", "created_at", "data_key"})
public class SessionData {
  @Id
  UUID sessionDataId;

  UUID websiteId;

  UUID sessionId;

  @Column(length = 500)
  String dataKey;

  @Column(length = 500)
  @Nullable String stringValue;

  @Column(precision = 19, scale = 4)
  @Nullable BigDecimal numberValue;

  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime dateValue;

  int dataType;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;
}
