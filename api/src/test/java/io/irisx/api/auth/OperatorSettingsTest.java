package io.irisx.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.irisx.api.IrisxApiConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorSettingsTest {
  private static IrisxApiConfiguration load(Path dir, String operatorBlock) throws Exception {
    Path yaml = dir.resolve("api.yml");
    Files.writeString(
        yaml,
        """
        database:
          driverClass: org.postgresql.Driver
          url: jdbc:postgresql://127.0.0.1/irisx
        temporal:
          target: temporal.example:7233
        """
            + operatorBlock);
    return new YamlConfigurationFactory<>(
            IrisxApiConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(new FileConfigurationSourceProvider(), yaml.toString());
  }

  @Test
  void withoutAnOperatorBlockTheAdminEndpointsAreOff(@TempDir Path dir) throws Exception {
    assertThat(load(dir, "").getOperator().enabled()).isFalse();
  }

  @Test
  void aShortOperatorKeyIsRefusedAtStartup(@TempDir Path dir) {
    Assertions.assertThatThrownBy(() -> load(dir, "operator:\n  key: short\n"))
        .isInstanceOf(ConfigurationValidationException.class)
        .hasMessageContaining("operator.key");
  }

  @Test
  void theKeyNeverAppearsInTheSettingsText(@TempDir Path dir) throws Exception {
    String key = "k".repeat(40);
    var operator = load(dir, "operator:\n  key: " + key + "\n").getOperator();

    assertThat(operator.enabled()).isTrue();
    assertThat(operator.toString()).doesNotContain(key);
  }
}
