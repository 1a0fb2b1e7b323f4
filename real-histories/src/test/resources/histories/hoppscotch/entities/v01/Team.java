package hoppscotch;

import dev.schemacode.annotations.*;

@Table(name = "Team")
public class Team {
  @Id
  String id;

  String name;
}
