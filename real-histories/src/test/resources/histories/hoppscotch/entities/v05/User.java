package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

@Table(name = "User")
@Index(columns = {"email"}, unique = true, name = "User_email_key")
public class User {
  @Id
  String uid;

  @Column(name = "displayName")
  @Nullable String displayName;

  @Nullable String email;

  @Column(name = "photoURL")
  @Nullable String photoURL;

  @Column(name = "isAdmin")
  @Default("false")
  boolean isAdmin;

  @Column(name = "refreshToken")
  @Nullable String refreshToken;

  @Column(name = "currentRESTSession")
  @Json
  @Nullable String currentRESTSession;

  @Column(name = "currentGQLSession")
  @Json
  @Nullable String currentGQLSession;

  @Column(name = "createdOn", type = "timestamp(3)")
  @Default("CURRENT_TIMESTAMP")
  LocalDateTime createdOn;

  @Column(name = "lastLoggedOn", type = "timestamp(3)")
  @Nullable LocalDateTime lastLoggedOn;
}
