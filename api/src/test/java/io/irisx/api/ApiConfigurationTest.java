package io.irisx.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiConfigurationTest {
  private static IrisxApiConfiguration load(String path) throws Exception {
    return new YamlConfigurationFactory<>(
            IrisxApiConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(
            new SubstitutingSourceProvider(
                new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)),
            path);
  }

  @Test
  void theProductionConfigLoadsWithItsDefaults() throws Exception {
    // Run from the module directory; the IRISX_* variables are not set in the build.
    IrisxApiConfiguration config = load("api.yml");

    assertThat(config.getTemporal().target())
        .isEqualTo(System.getenv().getOrDefault("IRISX_TEMPORAL_TARGET", "127.0.0.1:7233"));
    assertThat(config.getTemporal().namespace()).isNotBlank();
    assertThat(config.getDatabase().getUrl()).startsWith("jdbc:postgresql:");
    assertThat(config.getCalls().getRingTimeoutSeconds()).isPositive();
    assertThat(config.getCalls().getWatchdogSeconds()).isPositive();
  }

  @Test
  void theCallsBlockMayBeLeftOutAndTheNamespaceDefaults(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("api.yml");
    Files.writeString(
        yaml,
        """
        database:
          driverClass: org.postgresql.Driver
          url: jdbc:postgresql://127.0.0.1/irisx
        temporal:
          target: temporal.example:7233
        """);

    IrisxApiConfiguration config = load(yaml.toString());

    assertThat(config.getTemporal().target()).isEqualTo("temporal.example:7233");
    assertThat(config.getTemporal().namespace()).isEqualTo("default");
    assertThat(config.getCalls().getRingTimeoutSeconds()).isEqualTo(30);
    assertThat(config.getCalls().getWatchdogSeconds()).isEqualTo(15);
  }
}
