package hoppscotch;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

@Table(name = "Account")
@Index(columns = {"provider", "providerAccountId"}, unique = true, name = "Account_provider_providerAccountId_key")
public class Account {
  @Id
  String id;

  @Column(name = "userId")
  @References(value = User.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE)
  String userId;

  String provider;

  @Column(name = "providerAccountId")
  String providerAccountId;

  @Column(name = "providerRefreshToken")
  @Nullable String providerRefreshToken;

  @Column(name = "providerAccessToken")
  @Nullable String providerAccessToken;

  @Column(name = "providerScope")
  @Nullable String providerScope;

  @Column(name = "loggedIn", type = "timestamptz(3)")
  @Default("CURRENT_TIMESTAMP")
  OffsetDateTime loggedIn;
}
