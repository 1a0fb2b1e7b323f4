package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

@Table(name = "InfraToken")
@Index(columns = {"token"}, unique = true, name = "InfraToken_token_key")
public class InfraToken {
  @Id
  String id;

  @Column(name = "creatorUid")
  String creatorUid;

  String label;

  String token;

  @Column(name = "expiresOn", type = "timestamptz(3)")
  @Nullable OffsetDateTime expiresOn;

  @Column(name = "createdOn", type = "timestamptz(3)")
  @Default("CURRENT_TIMESTAMP")
  OffsetDateTime createdOn;

  @Column(name = "updatedOn", type = "timestamptz(3)")
  @Default("CURRENT_TIMESTAMP")
  OffsetDateTime updatedOn;
}
