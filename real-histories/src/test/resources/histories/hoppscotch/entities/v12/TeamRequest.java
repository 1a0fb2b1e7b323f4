package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;

@Table(name = "TeamRequest")
public class TeamRequest {
  @Id
  String id;

  @Column(name = "collectionID")
  @References(value = TeamCollection.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE)
  String collectionID;

  @Column(name = "teamID")
  @References(value = Team.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE)
  String teamID;

  String title;

  @Json
  String request;

  @Column(name = "orderIndex")
  int orderIndex;

  @Column(name = "createdOn", type = "timestamptz(3)")
  @Default("CURRENT_TIMESTAMP")
  OffsetDateTime createdOn;

  @Column(name = "updatedOn", type = "timestamptz(3)")
  OffsetDateTime updatedOn;
}
