package dev.paperboy.ingest.support;

import dev.paperboy.core.paper.Text;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Author names as the sources give them, on one line each, blanks dropped. */
public final class Authors {
  private Authors() {}

  /** Each name through {@link Text#oneLine}; blank names are dropped. */
  public static List<String> clean(List<String> names) {
    List<String> out = new ArrayList<>(names.size());
    for (String n : names) {
      String t = Text.oneLine(n);
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * A display name from arXiv's parts: {@code forenames keyname suffix} ("C. Balázs", "John Smith
   * Jr"); a collaboration has a keyname only ("ATLAS Collaboration").
   */
  public static String join(
      @Nullable String forenames, @Nullable String keyname, @Nullable String suffix) {
    StringBuilder s = new StringBuilder();
    for (String part : new String[] {forenames, keyname, suffix}) {
      String t = Text.oneLine(part);
      if (!t.isEmpty()) {
        if (!s.isEmpty()) {
          s.append(' ');
        }
        s.append(t);
      }
    }
    return s.toString();
  }
}
