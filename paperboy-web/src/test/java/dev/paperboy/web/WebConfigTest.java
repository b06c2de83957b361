package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.search.SearchMode;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebConfigTest {

  @Test
  void defaultsListenOnLoopback7070() {
    WebConfig c = WebConfig.defaults();
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(7070);
    assertThat(c.defaultSearchMode()).isEqualTo(SearchMode.BM25);
  }

  @Test
  void firstSearchModeIsTheDefault() {
    WebConfig c =
        WebConfig.defaults()
            .withSearchModes(new LinkedHashSet<>(List.of(SearchMode.HYBRID, SearchMode.BM25)));
    assertThat(c.defaultSearchMode()).isEqualTo(SearchMode.HYBRID);
  }

  @Test
  void rejectsBadValuesNamingThem() {
    assertThatThrownBy(() -> WebConfig.defaults().withPort(70000))
        .hasMessageContaining("port")
        .hasMessageContaining("70000");
    assertThatThrownBy(() -> WebConfig.defaults().withHost(" ")).hasMessageContaining("host");
    assertThatThrownBy(() -> WebConfig.defaults().withSearchModes(Set.of()))
        .hasMessageContaining("searchModes");
    assertThatThrownBy(() -> WebConfig.defaults().withPublicUrl(URI.create("ftp://x")))
        .hasMessageContaining("publicUrl");
    assertThatThrownBy(() -> WebConfig.defaults().withPageSize(0)).hasMessageContaining("pageSize");
  }
}
