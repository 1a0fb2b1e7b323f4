package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

@Table(name = "Shortcode")
@Index(columns = {"id", "creatorUid"}, unique = true, name = "Shortcode_id_creatorUid_key")
public class Shortcode {
  @Id
  String id;

  @Json
  String request;

  @Column(name = "creatorUid")
  @Nullable String creatorUid;

  @Column(name = "createdOn", type = "timestamp(3)")
  @Default("CURRENT_TIMESTAMP")
  LocalDateTime createdOn;
}
