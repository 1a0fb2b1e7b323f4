package hoppscotch;

import dev.schemacode.annotations.*;

@Table(name = "TeamInvitation")
@Index(columns = {"teamID"})
@Index(columns = {"teamID", "inviteeEmail"}, unique = true, name = "TeamInvitation_teamID_inviteeEmail_key")
public class TeamInvitation {
  @Id
  String id;

  @Column(name = "teamID")
  @References(value = Team.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE)
  String teamID;

  @Column(name = "creatorUid")
  String creatorUid;

  @Column(name = "inviteeEmail")
  String inviteeEmail;

  @Column(name = "inviteeRole")
  TeamAccessRole inviteeRole;
}
