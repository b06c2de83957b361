package dev.paperboy.app.config;

/** A configuration value is missing or wrong; the message names the key, the value and where. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
