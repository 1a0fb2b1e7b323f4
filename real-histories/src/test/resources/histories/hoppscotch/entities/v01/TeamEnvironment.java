package hoppscotch;

import dev.schemacode.annotations.*;

@Table(name = "TeamEnvironment")
public class TeamEnvironment {
  @Id
  String id;

  @Column(name = "teamID")
  @References(value = Team.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE)
  String teamID;

  String name;

  @Json
  String variables;
}
