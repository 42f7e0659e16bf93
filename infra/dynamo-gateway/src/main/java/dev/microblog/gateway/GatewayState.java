package dev.microblog.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What dynalite cannot remember for us: each table's stream and TTL settings. Kept in a small JSON
 * file in the state directory (when there is one), so that a restart over an on-disk dynalite still
 * has its streams and expiry.
 */
final class GatewayState {
  static final String FILE_NAME = "gateway-state.json";

  /** A table's stream: its label names it (the ARN ends with it), its view type shapes records. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StreamSettings(boolean enabled, String viewType, String label, long createdEpochMillis) {}

  /** Either part may be null: no stream ever, or no TTL. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TableSettings(StreamSettings stream, String ttlAttribute) {
    static final TableSettings NONE = new TableSettings(null, null);

    TableSettings withStream(StreamSettings stream) {
      return new TableSettings(stream, ttlAttribute);
    }

    TableSettings withTtl(String attribute) {
      return new TableSettings(stream, attribute);
    }

    boolean streaming() {
      return stream != null && stream.enabled();
    }
  }

  private static final TypeReference<TreeMap<String, TableSettings>> FORMAT =
      new TypeReference<>() {};

  private final Path file;
  private final Map<String, TableSettings> tables;

  private GatewayState(Path file, Map<String, TableSettings> tables) {
    this.file = file;
    this.tables = tables;
  }

  /** Loads the state kept in stateDir; a null stateDir keeps everything in memory. */
  static GatewayState load(Path stateDir) throws IOException {
    if (stateDir == null) {
      return new GatewayState(null, new TreeMap<>());
    }
    Files.createDirectories(stateDir);
    Path file = stateDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return new GatewayState(file, new TreeMap<>());
    }
    try {
      return new GatewayState(file, Json.MAPPER.readValue(file.toFile(), FORMAT));
    } catch (IOException e) {
      throw new IOException("cannot read the gateway state in " + file + ": " + e.getMessage(), e);
    }
  }

  synchronized TableSettings get(String table) {
    return tables.getOrDefault(table, TableSettings.NONE);
  }

  synchronized Map<String, TableSettings> all() {
    return Map.copyOf(tables);
  }

  synchronized void update(String table, UnaryOperator<TableSettings> change) {
    TableSettings next = change.apply(get(table));
    if (next.stream() == null && next.ttlAttribute() == null) {
      tables.remove(table);
    } else {
      tables.put(table, next);
    }
    save();
  }

  synchronized void remove(String table) {
    if (tables.remove(table) != null) {
      save();
    }
  }

  /** Written to a temporary file then moved, so a crash never leaves half a file. */
  private void save() {
    if (file == null) {
      return;
    }
    try {
      Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
      Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), tables);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the gateway state to " + file, e);
    }
  }
}
