package hoppscotch;

import dev.schemacode.annotations.*;

@Table(name = "TeamMember")
@Index(columns = {"teamID", "userUid"}, unique = true, name = "TeamMember_teamID_userUid_key")
public class TeamMember {
  @Id
  String id;

  TeamMemberRole role;

  @Column(name = "userUid")
  String userUid;

  @Column(name = "teamID")
  @References(value = Team.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE)
  String teamID;
}
