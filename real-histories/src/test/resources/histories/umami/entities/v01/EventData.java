package umami;

import dev.schemacode.annotations.*;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(name = "event_data")
@Index(columns = {"created_at"})
@Index(columns = {"website_id"})
@Index(columns = {"website_event_id"})
public class EventData {
  @Id
  UUID eventId;

  UUID websiteId;

  UUID websiteEventId;

  @Column(length = 500)
  String eventKey;

  @Column(length = 500)
  @Nullable String eventStringValue;

  @Column(precision = 19, scale = 4)
  @Nullable BigDecimal eventNumericValue;

  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime eventDateValue;

  int eventDataType;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;
}
