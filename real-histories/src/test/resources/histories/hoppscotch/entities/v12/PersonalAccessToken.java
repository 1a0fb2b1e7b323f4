package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
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

  @Column(name = "expiresOn", type = "timestamptz(3)")
  @Nullable OffsetDateTime expiresOn;

  @Column(name = "createdOn", type = "timestamptz(3)")
  @Default("CURRENT_TIMESTAMP")
  OffsetDateTime createdOn;

  @Column(name = "updatedOn", type = "timestamptz(3)")
  OffsetDateTime updatedOn;
}
