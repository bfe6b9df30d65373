package io.irisx.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped worker.yml reads, with its recordings section, from defaults alone. */
class RecordingSettingsTest {
  @Test
  void theShippedWorkerYmlHasRecordingsWithProductionDefaults() throws Exception {
    IrisxWorkerConfiguration config =
        new YamlConfigurationFactory<>(
                IrisxWorkerConfiguration.class,
                Validators.newValidator(),
                Jackson.newObjectMapper(),
                "dw")
            .build(
                new SubstitutingSourceProvider(
                    new FileConfigurationSourceProvider(),
                    new EnvironmentVariableSubstitutor(false)),
                Path.of(
                        System.getenv().getOrDefault("IRISX_PROJECT_ROOT", ".."),
                        "worker",
                        "worker.yml")
                    .toString());

    RecordingSettings recordings = config.getRecordings();
    assertThat(recordings).isNotNull();
    assertThat(recordings.s3().bucket()).isEqualTo("irisx-recordings");
    assertThat(recordings.s3().serverSideEncryption()).isEqualTo("AES256");
    assertThat(recordings.s3().partSizeBytes()).isEqualTo(8L * 1024 * 1024);
    assertThat(recordings.s3().toString()).doesNotContain("secret");
    assertThat(recordings.directoryFor("node-1"))
        .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "irisx-recordings", "node-1"));
    assertThat(recordings.retentionSweep()).hasMinutes(60);
  }
}
