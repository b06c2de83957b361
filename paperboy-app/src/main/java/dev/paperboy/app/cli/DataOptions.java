package dev.paperboy.app.cli;

import dev.paperboy.app.config.Config;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options every command shares: where the data lives and which config file to read. */
public final class DataOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Data directory (store, index, mail). Default: $PAPERBOY_DATA, else ./paperboy-data.")
  @Nullable Path data;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties file with settings. Default: DIR/paperboy.properties if present.")
  @Nullable Path config;

  public Path dataDir(Map<String, String> env) {
    if (data != null) {
      return data;
    }
    String fromEnv = env.get("PAPERBOY_DATA");
    return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : Config.DEFAULT_DATA_DIR;
  }

  public Config load(Map<String, String> env, Map<String, String> flags) {
    return Config.load(dataDir(env), config, env, flags);
  }
}
