package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

@Table(name = "Shortcode")
@Index(columns = {"id", "creatorUid"}, unique = true, name = "Shortcode_id_creatorUid_key")
@Index(columns = {"id"}, unique = true, name = "Shortcode_id_key")
public class Shortcode {
  @Id
  String id;

  @Json
  String request;

  @Column(name = "creatorUid")
  @References(value = User.class, onDelete = ReferentialAction.SET_NULL, onUpdate = ReferentialAction.CASCADE)
  @Nullable String creatorUid;

  @Column(name = "createdOn", type = "timestamptz(3)")
  @Default("CURRENT_TIMESTAMP")
  OffsetDateTime createdOn;

  @Column(name = "embedProperties")
  @Json
  @Nullable String embedProperties;

  @Column(name = "updatedOn", type = "timestamptz(3)")
  @Default("CURRENT_TIMESTAMP")
  OffsetDateTime updatedOn;
}
