package dev.paperboy.web.view;

import dev.paperboy.web.view.Views.PageMeta;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** View models of the digest pages (subscribe, confirm, preferences, unsubscribe). */
public final class DigestViews {
  private DigestViews() {}

  /**
   * The one-step pages of subscribing and unsubscribing.
   *
   * @param stage {@code form} (subscribe form), {@code sent} (check your inbox), {@code confirm}
   *     (the confirmation button), {@code invalid} (a link that does not work), {@code unsubscribe}
   *     (the unsubscribe button), {@code unsubscribed} (done), {@code account} (a signed-in user
   *     without a subscription)
   * @param token the link's token, carried by the page's form
   */
  public record DigestPage(
      PageMeta meta,
      String stage,
      String email,
      @Nullable String error,
      String token,
      String linkTtl) {}

  /** A category tick box on the preferences page. */
  public record CategoryBox(String code, String name, boolean checked) {}

  /**
   * The preferences page.
   *
   * @param token the preferences link's token: the page's forms carry it instead of a sign-in
   * @param status {@code active} or {@code unsubscribed}
   * @param otherCategories chosen categories without a tick box, space-separated
   * @param hasAccount whether personal picks can work (an account with this address exists)
   */
  public record PreferencesPage(
      PageMeta meta,
      String token,
      String email,
      String status,
      @Nullable String notice,
      @Nullable String error,
      String cadence,
      String weeklyDay,
      boolean trending,
      boolean picks,
      boolean alertsOn,
      List<CategoryBox> categories,
      String otherCategories,
      String quietDays,
      boolean paused,
      List<String> alerts,
      int maxAlerts,
      boolean hasAccount,
      String unsubscribeUrl) {}
}
