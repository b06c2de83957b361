package dev.paperboy.ingest.harvest;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how politely to harvest.
 *
 * @param endpoint the OAI-PMH base URL ({@link #ARXIV}, or {@code --oai-url})
 * @param metadataPrefix the metadata format asked for; the page parser reads {@code arXiv}
 * @param delay the pause between two requests: arXiv asks harvesters to space their requests by a
 *     few seconds (https://info.arxiv.org/help/bulk_data.html), and a 503's Retry-After comes on
 *     top
 */
public record HarvestSettings(URI endpoint, String metadataPrefix, Duration delay) {

  /** arXiv's OAI-PMH endpoint. */
  public static final URI ARXIV = URI.create("https://oaipmh.arxiv.org/oai");

  /** The default pause between requests. */
  public static final Duration DEFAULT_DELAY = Duration.ofSeconds(3);

  public HarvestSettings {
    if (endpoint == null
        || endpoint.getHost() == null
        || !(endpoint.getScheme().equalsIgnoreCase("http")
            || endpoint.getScheme().equalsIgnoreCase("https"))) {
      throw new IllegalArgumentException(
          "OAI-PMH endpoint must be an http(s) URL with a host, endpoint: " + endpoint);
    }
    if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "OAI-PMH endpoint must be the base URL without ?query or #fragment, endpoint: "
              + endpoint);
    }
    if (metadataPrefix == null || !metadataPrefix.matches("[A-Za-z0-9_.!~*'()-]+")) {
      throw new IllegalArgumentException("bad metadataPrefix: '" + metadataPrefix + "'");
    }
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("delay must be >= 0, delay: " + delay);
    }
  }

  /** arXiv's endpoint, the {@code arXiv} format, {@link #DEFAULT_DELAY}. */
  public static HarvestSettings arxiv() {
    return new HarvestSettings(ARXIV, "arXiv", DEFAULT_DELAY);
  }

  public HarvestSettings withEndpoint(URI e) {
    return new HarvestSettings(e, metadataPrefix, delay);
  }

  public HarvestSettings withDelay(Duration d) {
    return new HarvestSettings(endpoint, metadataPrefix, d);
  }
}
