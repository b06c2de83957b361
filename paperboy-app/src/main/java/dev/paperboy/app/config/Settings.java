package dev.paperboy.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Flat configuration keys ({@code server.port}) read once from, in rising priority: a properties
 * file, the environment ({@code PAPERBOY_SERVER_PORT}), and command-line flags. Each value
 * remembers where it came from so an error can say so.
 *
 * <p>Typed getters throw {@link ConfigException} naming the key, the value, the rule and the
 * source, e.g. "server.port: expected a number from 1 to 65535 but was 'abc' (from environment
 * PAPERBOY_SERVER_PORT)".
 */
public final class Settings {
  /** Environment variables kept for convenience, mapped to their keys. */
  private static final Map<String, String> ENV_ALIASES =
      Map.of("PAPERBOY_HOST", "server.host", "PAPERBOY_PORT", "server.port");

  private record Value(String value, String source) {}

  private final Map<String, Value> values;

  private Settings(Map<String, Value> values) {
    this.values = Map.copyOf(values);
  }

  /** Settings from explicit pairs only (tests). */
  public static Settings of(Map<String, String> pairs) {
    Map<String, Value> v = new LinkedHashMap<>();
    pairs.forEach((k, val) -> v.put(k, new Value(val, "given")));
    return new Settings(v);
  }

  /**
   * Reads the layers.
   *
   * @param file a properties file, or null; a missing file is fine unless {@code required}
   * @param env the process environment; {@code PAPERBOY_X_Y} sets {@code x.y}
   * @param flags values from command-line options, highest priority
   */
  public static Settings load(
      @Nullable Path file, boolean required, Map<String, String> env, Map<String, String> flags) {
    Map<String, Value> v = new LinkedHashMap<>();
    if (file != null) {
      if (Files.isRegularFile(file)) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          p.load(r);
        } catch (IOException | IllegalArgumentException e) {
          throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        for (String k : p.stringPropertyNames()) {
          v.put(k.strip(), new Value(p.getProperty(k).strip(), "file " + file));
        }
      } else if (required) {
        throw new ConfigException("config file not found: " + file);
      }
    }
    env.forEach(
        (name, value) -> {
          String key = ENV_ALIASES.get(name);
          if (key == null && name.startsWith("PAPERBOY_") && !name.equals("PAPERBOY_DATA")) {
            key = name.substring("PAPERBOY_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
          }
          if (key != null) {
            v.put(key, new Value(value, "environment " + name));
          }
        });
    flags.forEach((k, value) -> v.put(k, new Value(value, "command line")));
    return new Settings(v);
  }

  public Optional<String> find(String key) {
    Value v = values.get(key);
    return v == null || v.value.isEmpty() ? Optional.empty() : Optional.of(v.value);
  }

  public String get(String key, String fallback) {
    return find(key).orElse(fallback);
  }

  public int getInt(String key, int fallback, int min, int max) {
    Optional<String> s = find(key);
    if (s.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(s.get());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw wrong(key, "a number from " + min + " to " + max);
  }

  public double getDouble(String key, double fallback, double min, double max) {
    Optional<String> s = find(key);
    if (s.isEmpty()) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(s.get());
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw wrong(key, "a number from " + min + " to " + max);
  }

  public boolean getBoolean(String key, boolean fallback) {
    Optional<String> s = find(key);
    if (s.isEmpty()) {
      return fallback;
    }
    return switch (s.get().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw wrong(key, "true or false");
    };
  }

  /**
   * A duration written as ISO-8601 ({@code PT30S}) or with a unit: {@code 500ms, 30s, 5m, 2h, 7d}.
   */
  public Duration getDuration(String key, Duration fallback) {
    Optional<String> s = find(key);
    if (s.isEmpty()) {
      return fallback;
    }
    String t = s.get().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("p")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      return switch (t.charAt(t.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> throw wrong(key, "a duration such as 30s, 5m, 2h or 7d");
      };
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw wrong(key, "a duration such as 30s, 5m, 2h or 7d");
    }
  }

  /** An error for {@code key} that says what was expected and where the value came from. */
  public ConfigException wrong(String key, String expected) {
    Value v = values.get(key);
    String was = v == null ? "missing" : "'" + v.value + "' (from " + v.source + ")";
    return new ConfigException(key + ": expected " + expected + " but was " + was);
  }

  /** Keys set anywhere, for warning about typos. */
  public java.util.Set<String> keys() {
    return values.keySet();
  }
}
