package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;

@Table(name = "InvitedUsers")
@Index(columns = {"inviteeEmail"}, unique = true, name = "InvitedUsers_inviteeEmail_key")
public class InvitedUsers {
  @Column(name = "adminUid")
  @References(value = User.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE)
  String adminUid;

  @Column(name = "adminEmail")
  String adminEmail;

  @Column(name = "inviteeEmail")
  String inviteeEmail;

  @Column(name = "invitedOn", type = "timestamptz(3)")
  @Default("CURRENT_TIMESTAMP")
  OffsetDateTime invitedOn;
}
