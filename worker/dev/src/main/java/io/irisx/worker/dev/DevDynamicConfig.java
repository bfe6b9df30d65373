package io.irisx.worker.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dev server's dynamic config, {@value #RESOURCE} from temporal-config, in the Temporal
 * server's file format. The CLI dev server takes no such file, only {@code --dynamic-config-value
 * KEY=JSON} flags: this turns each key's unconstrained value into one.
 */
record DevDynamicConfig(Map<String, JsonNode> values) {
  static final String RESOURCE = "/irisx/temporal/dev-dynamic-config.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  static DevDynamicConfig load() {
    try (InputStream in = DevDynamicConfig.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE + " (temporal-config)");
      }
      JsonNode root = YAML.readTree(in);
      Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
      root.properties()
          .forEach(
              entry -> {
                for (JsonNode setting : entry.getValue()) {
                  if (!setting.has("constraints") && setting.has("value")) {
                    values.put(entry.getKey(), setting.get("value"));
                  }
                }
              });
      return new DevDynamicConfig(values);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable " + RESOURCE, e);
    }
  }

  /** {@code KEY=JSON} for each value, as {@code --dynamic-config-value} wants them. */
  List<String> flagValues() {
    List<String> flags = new ArrayList<>();
    values.forEach(
        (key, value) -> {
          try {
            flags.add(key + "=" + JSON.writeValueAsString(value));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    return flags;
  }
}
