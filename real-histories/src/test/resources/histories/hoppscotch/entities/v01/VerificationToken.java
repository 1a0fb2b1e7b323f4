package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.LocalDateTime;

@Table(name = "VerificationToken")
@Index(columns = {"token"}, unique = true, name = "VerificationToken_token_key")
@Index(columns = {"deviceIdentifier", "token"}, unique = true, name = "VerificationToken_deviceIdentifier_token_key")
public class VerificationToken {
  @Column(name = "deviceIdentifier")
  String deviceIdentifier;

  String token;

  @Column(name = "userUid")
  @References(value = User.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE)
  String userUid;

  @Column(name = "expiresOn", type = "timestamp(3)")
  LocalDateTime expiresOn;
}
