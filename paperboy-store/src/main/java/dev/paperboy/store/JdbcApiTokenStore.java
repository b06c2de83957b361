package dev.paperboy.store;

import dev.paperboy.core.account.ApiToken;
import dev.paperboy.core.account.ApiTokenStore;
import dev.paperboy.core.account.User;
import dev.paperboy.core.account.UserId;
import dev.paperboy.core.security.Secrets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@link ApiTokenStore} in table {@code api_token}. */
public final class JdbcApiTokenStore implements ApiTokenStore {
  private final Database db;
  private final Dialect dialect;

  public JdbcApiTokenStore(Database db) {
    this.db = db;
    this.dialect = db.dialect();
  }

  @Override
  public ApiToken create(UserId user, String name, String secretHash, Instant now) {
    ApiToken token = new ApiToken(Secrets.newId(), user, name, Dialect.storedInstant(now));
    db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO api_token (id, user_id, name, secret_hash, created_at)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, token.id());
            ps.setString(2, user.value());
            ps.setString(3, token.name());
            ps.setString(4, secretHash);
            dialect.setInstant(ps, 5, now);
            return ps.executeUpdate();
          }
        });
    return token;
  }

  @Override
  public List<ApiToken> tokensOf(UserId user) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT id, name, created_at FROM api_token WHERE user_id = ?"
                      + " ORDER BY created_at DESC, id")) {
            ps.setString(1, user.value());
            List<ApiToken> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new ApiToken(
                        rs.getString(1), user, rs.getString(2), dialect.getInstant(rs, 3)));
              }
            }
            return out;
          }
        });
  }

  @Override
  public boolean revoke(UserId user, String tokenId) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement("DELETE FROM api_token WHERE id = ? AND user_id = ?")) {
            ps.setString(1, tokenId);
            ps.setString(2, user.value());
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Optional<User> userOf(String secretHash) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT "
                      + JdbcUserStore.USER_COLUMNS
                      + " FROM api_token t JOIN app_user u ON u.id = t.user_id"
                      + " WHERE t.secret_hash = ?")) {
            ps.setString(1, secretHash);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(JdbcUserStore.readUser(rs, 1, dialect))
                  : Optional.empty();
            }
          }
        });
  }
}
