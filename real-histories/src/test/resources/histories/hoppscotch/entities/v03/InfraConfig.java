package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

@Table(name = "InfraConfig")
@Index(columns = {"name"}, unique = true, name = "InfraConfig_name_key")
public class InfraConfig {
  @Id
  String id;

  String name;

  @Nullable String value;

  @Default("true")
  boolean active;

  @Column(name = "createdOn", type = "timestamp(3)")
  @Default("CURRENT_TIMESTAMP")
  LocalDateTime createdOn;

  @Column(name = "updatedOn", type = "timestamp(3)")
  LocalDateTime updatedOn;
}
