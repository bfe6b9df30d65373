package io.irisx.worker;

import io.irisx.activities.esl.DialOptions;
import io.irisx.activities.esl.EslLinkPolicy;
import io.irisx.activities.esl.SpeechVoice;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The FreeSWITCH node this worker runs beside: its id (which names its task queue), its event
 * socket, and how it dials out ({@code {to}} is replaced by the E.164 number). Optional: the
 * caller-id name and number its calls present instead of their {@code from}, custom {@code X-} SIP
 * headers for every INVITE, and how long the link may go without a HEARTBEAT before it is replaced
 * (default 60 s: three of FreeSWITCH's 20-second beats), and the text-to-speech engine and voice
 * the node speaks text with (default {@code flite} / {@code kal}), and the rule that turns the
 * caller numbers its carrier sends into E.164 ({@code callerNumbers}: country code, national and
 * international prefixes).
 */
public record NodeSettings(
    @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String id,
    @NotBlank String eslHost,
    @Min(1) @Max(65535) int eslPort,
    @NotBlank String eslPassword,
    @NotBlank String dialTemplate,
    @Nullable String callerIdName,
    @Nullable String callerIdNumber,
    @Nullable Map<String, String> sipHeaders,
    @Min(1) @Max(3600) @Nullable Integer eslHeartbeatTimeoutSeconds,
    @Nullable String speechEngine,
    @Nullable String speechVoice,
    @jakarta.validation.Valid io.irisx.worker.inbound.@Nullable CallerNumberRule callerNumbers) {

  /** How inbound caller numbers become E.164; without a rule only {@code +digits} is taken. */
  io.irisx.worker.inbound.CallerNumberRule callerNumberRule() {
    return callerNumbers == null
        ? io.irisx.worker.inbound.CallerNumberRule.E164_ONLY
        : callerNumbers;
  }

  /** Text-to-speech on this node: {@code speechEngine}/{@code speechVoice}, default flite's kal. */
  SpeechVoice speech() {
    return SpeechVoice.orDefault(speechEngine, speechVoice);
  }

  DialOptions dialOptions() {
    return new DialOptions(
        blankToNull(callerIdName),
        blankToNull(callerIdNumber),
        sipHeaders == null ? Map.of() : sipHeaders);
  }

  EslLinkPolicy linkPolicy() {
    EslLinkPolicy defaults = EslLinkPolicy.defaults();
    return eslHeartbeatTimeoutSeconds == null
        ? defaults
        : defaults.withHeartbeatTimeout(Duration.ofSeconds(eslHeartbeatTimeoutSeconds));
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** Never prints the password: settings end up in logs. */
  @Override
  public String toString() {
    return "NodeSettings[id="
        + id
        + ", esl="
        + eslHost
        + ":"
        + eslPort
        + ", dialTemplate="
        + dialTemplate
        + "]";
  }
}
