package io.irisx.activities.esl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * uuid_record commands carry only a UUID, a plain absolute path and a number: nothing else gets in.
 */
class RecordCommandsTest {
  private static final String UUID = "0b8f7c1e-1111-4222-8333-444455556666";
  private final EslCommandBuilder commands =
      new EslCommandBuilder(
          new EslNodeSettings(
              "n", "127.0.0.1", 8021, "pw", "sofia/gateway/x/{to}", Duration.ofSeconds(1)));

  @Test
  void startAndStopNameTheChannelThePathAndTheLimit() {
    assertThat(commands.recordStart(UUID, "/var/lib/irisx/recordings/r-1.wav", 3600))
        .hasToString("uuid_record " + UUID + " start /var/lib/irisx/recordings/r-1.wav 3600");
    assertThat(commands.recordStart(UUID, "/tmp/r.wav", 0))
        .hasToString("uuid_record " + UUID + " start /tmp/r.wav");
    assertThat(commands.recordStop(UUID, "/tmp/r.wav"))
        .hasToString("uuid_record " + UUID + " stop /tmp/r.wav");
  }

  @Test
  void aSilenceEndGoesInTheRecordingVariablesAfterTheLimitAsModCommandsReadsThem() {
    assertThat(commands.recordStart(UUID, "/tmp/r.wav", 0, 5000))
        .hasToString(
            "uuid_record "
                + UUID
                + " start /tmp/r.wav 0 {RECORD_INITIAL_TIMEOUT_MS=5000,RECORD_FINAL_TIMEOUT_MS=5000}");
    assertThat(commands.recordStart(UUID, "/tmp/r.wav", 120, 0))
        .hasToString("uuid_record " + UUID + " start /tmp/r.wav 120");
    assertThatThrownBy(() -> commands.recordStart(UUID, "/tmp/r.wav", 120, -1))
        .isInstanceOf(UnsafeCommandException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "relative/r.wav",
        "/tmp/r.wav\napi hupall",
        "/tmp/r.wav 5 extra",
        "/tmp/../etc/passwd",
        "/tmp/${x}.wav",
        "/tmp/r.wav,x=y",
        "/tmp/{r}.wav",
        "",
        "//host/share.wav"
      })
  void anythingButAPlainAbsolutePathIsRefused(String path) {
    assertThatThrownBy(() -> commands.recordStart(UUID, path, 0))
        .isInstanceOf(UnsafeCommandException.class);
    assertThatThrownBy(() -> commands.recordStop(UUID, path))
        .isInstanceOf(UnsafeCommandException.class);
  }

  @Test
  void aChannelThatIsNotAUuidOrANegativeLimitIsRefused() {
    assertThatThrownBy(() -> commands.recordStart(UUID + " stop all", "/tmp/r.wav", 0))
        .isInstanceOf(UnsafeCommandException.class);
    assertThatThrownBy(() -> commands.recordStart(UUID, "/tmp/r.wav", -1))
        .isInstanceOf(UnsafeCommandException.class);
  }
}
