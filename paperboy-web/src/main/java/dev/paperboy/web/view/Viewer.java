package dev.paperboy.web.view;

import dev.paperboy.core.security.Role;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Who is looking at a page, for the layout and the forms on it: whether the community features are
 * on, the signed-in user's name and role, and the CSRF token every state-changing form carries.
 *
 * <p>The token is computed on first use: a page without forms sets no cookie.
 */
public final class Viewer {
  /** A server without the community features. */
  public static final Viewer READ_ONLY = new Viewer(false, null, null, null, () -> "", "/");

  private final boolean community;
  private final @Nullable String userId;
  private final @Nullable String displayName;
  private final @Nullable Role role;
  private final Supplier<String> csrf;
  private final String path;
  private @Nullable String token;

  /**
   * @param path the page's path and query, where forms on it return to
   */
  public Viewer(
      boolean community,
      @Nullable String userId,
      @Nullable String displayName,
      @Nullable Role role,
      Supplier<String> csrf,
      String path) {
    this.community = community;
    this.userId = userId;
    this.displayName = displayName;
    this.role = role;
    this.csrf = csrf;
    this.path = path;
  }

  /** The page's path and query ({@code /day/2025-06-16?p=2}). */
  public String path() {
    return path;
  }

  /** {@link #path()} URL-encoded, for {@code ?next=}. */
  public String pathParam() {
    return java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** True when accounts, votes and comments are on. */
  public boolean community() {
    return community;
  }

  public boolean signedIn() {
    return userId != null;
  }

  public @Nullable String userId() {
    return userId;
  }

  public String displayName() {
    return displayName == null ? "" : displayName;
  }

  public boolean moderator() {
    return role != null && role.atLeast(Role.MODERATOR);
  }

  public boolean admin() {
    return role != null && role.atLeast(Role.ADMIN);
  }

  /** The CSRF token for forms ({@code _csrf}) and scripts ({@code X-CSRF-Token}). */
  public String csrf() {
    if (token == null) {
      token = csrf.get();
    }
    return token;
  }
}
