package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.LocalDateTime;
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

  @Column(name = "expiresOn", type = "timestamp(3)")
  @Nullable LocalDateTime expiresOn;

  @Column(name = "createdOn", type = "timestamp(3)")
  @Default("CURRENT_TIMESTAMP")
  LocalDateTime createdOn;

  @Column(name = "updatedOn", type = "timestamp(3)")
  @Default("CURRENT_TIMESTAMP")
  LocalDateTime updatedOn;
}
