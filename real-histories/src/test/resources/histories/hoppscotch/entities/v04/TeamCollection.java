package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

@Table(name = "TeamCollection")
public class TeamCollection {
  @Id
  String id;

  @Column(name = "parentID")
  @References(value = TeamCollection.class, onDelete = ReferentialAction.SET_NULL, onUpdate = ReferentialAction.CASCADE)
  @Nullable String parentID;

  @Column(name = "teamID")
  @References(value = Team.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE)
  String teamID;

  String title;

  @Column(name = "orderIndex")
  int orderIndex;

  @Column(name = "createdOn", type = "timestamp(3)")
  @Default("CURRENT_TIMESTAMP")
  LocalDateTime createdOn;

  @Column(name = "updatedOn", type = "timestamp(3)")
  LocalDateTime updatedOn;

  @Json
  @Nullable String data;
}
