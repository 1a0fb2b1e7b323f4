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
  @RenamedFrom("event_id")
  UUID eventDataId;

  UUID websiteId;

  UUID websiteEventId;

  @Column(length = 500)
  String eventKey;

  @RenamedFrom("event_string_value")
  @Column(length = 500)
  @Nullable String stringValue;

  @RenamedFrom("event_numeric_value")
  @Column(precision = 19, scale = 4)
  @Nullable BigDecimal numberValue;

  @RenamedFrom("event_date_value")
  @Column(type = "timestamptz(6)")
  @Nullable OffsetDateTime dateValue;

  @RenamedFrom("event_data_type")
  int dataType;

  @Column(type = "timestamptz(6)")
  @Default("CURRENT_TIMESTAMP")
  @Nullable OffsetDateTime createdAt;
}
