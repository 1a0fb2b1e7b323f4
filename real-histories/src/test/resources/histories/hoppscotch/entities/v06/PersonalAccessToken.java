package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

@Table(name = "PersonalAccessToken")
@Index(columns = {"token"}, unique = true, name = "PersonalAccessToken_token_key")
public class PersonalAccessToken {
  @Id
  String id;

  @Column(name = "userUid")
  @References(value = User.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE)
  String userUid;

  String label;

  String token;

  @Column(name = "expiresOn", type = "timestamp(3)")
  @Nullable LocalDateTime expiresOn;

  @Column(name = "createdOn", type = "timestamp(3)")
  @Default("CURRENT_TIMESTAMP")
  LocalDateTime createdOn;

  @Column(name = "updatedOn", type = "timestamp(3)")
  LocalDateTime updatedOn;
}
