package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

@Table(name = "InfraConfig")
@Index(columns = {"name"}, unique = true, name = "InfraConfig_name_key")
public class InfraConfig {
  @Id
  String id;

  String name;

  @Nullable String value;

  @Column(name = "createdOn", type = "timestamptz(3)")
  @Default("CURRENT_TIMESTAMP")
  OffsetDateTime createdOn;

  @Column(name = "updatedOn", type = "timestamptz(3)")
  OffsetDateTime updatedOn;

  @Column(name = "isEncrypted")
  @Default("false")
  boolean isEncrypted;

  @Column(name = "lastSyncedEnvFileValue")
  @Nullable String lastSyncedEnvFileValue;
}
