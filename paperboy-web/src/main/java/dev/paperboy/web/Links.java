package dev.paperboy.web;

import dev.paperboy.web.view.Views;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds links back to the current page with other parameters (pagination). */
final class Links {
  private Links() {}

  /** The current path and query with {@code name} set to {@code value} (removed when null). */
  static String with(Context ctx, String name, @Nullable String value) {
    StringBuilder sb = new StringBuilder(ctx.path());
    char sep = '?';
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      if (e.getKey().equals(name)) {
        continue;
      }
      for (String v : e.getValue()) {
        if (v == null || v.isBlank()) {
          continue;
        }
        sb.append(sep).append(enc(e.getKey())).append('=').append(enc(v));
        sep = '&';
      }
    }
    if (value != null) {
      sb.append(sep).append(enc(name)).append('=').append(enc(value));
    }
    return sb.toString();
  }

  /** Previous/next links for 1-based {@code page} of {@code total} items, {@code size} a page. */
  static Views.Pager pager(Context ctx, int page, long total, int size) {
    int pages = (int) Math.max(1, (total + size - 1) / size);
    String prev =
        page > 1 ? with(ctx, "p", page - 1 == 1 ? null : Integer.toString(page - 1)) : null;
    String next = page < pages ? with(ctx, "p", Integer.toString(page + 1)) : null;
    return new Views.Pager(prev, next, page, pages);
  }

  /**
   * Previous/next links for 1-based {@code page} of a list whose length is not known, only whether
   * there is {@code more} after this page.
   */
  static Views.Pager openPager(Context ctx, int page, boolean more) {
    String prev =
        page > 1 ? with(ctx, "p", page - 1 == 1 ? null : Integer.toString(page - 1)) : null;
    String next = more ? with(ctx, "p", Integer.toString(page + 1)) : null;
    return new Views.Pager(prev, next, page, 0);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
