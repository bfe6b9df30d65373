package io.irisx.activities.esl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irisx.workflows.call.OriginateCommand;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EslCommandBuilderTest {
  private static final String CALL = "0b0e7f5e-1c1d-4a43-9d57-0c1f3f0e9a01";
  private static final String CHANNEL = "6f1c7a52-2b8e-4d7e-8a0e-7f3b2f0d1c22";

  private final EslCommandBuilder builder =
      new EslCommandBuilder(settings("sofia/gateway/irisx/{to}"));

  @Test
  void originateNamesTheChannelAndTheCallAndParksOnAnswer() {
    EslCommand command =
        builder.originate(new OriginateCommand(CALL, CHANNEL, "+15550100", "+15550111", 30));

    assertThat(command.command()).isEqualTo("originate");
    assertThat(command.args())
        .isEqualTo(
            "{origination_uuid="
                + CHANNEL
                + ",irisx_call_id="
                + CALL
                + ",origination_caller_id_number=+15550100,origination_caller_id_name=+15550100"
                + ",originate_timeout=30,ignore_early_media=true}sofia/gateway/irisx/+15550111 &park()");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+15550111 &bridge(sofia/gateway/x/1)",
        "+15550111}{execute_on_answer=system rm -rf",
        "+15550111,origination_uuid=x",
        "+15550111\n\napi hupall",
        "15550111",
        "+0123",
        "+1555011122223333",
        "+1${sip_from_user}",
        ""
      })
  void originateRefusesNumbersThatAreNotStrictE164(String hostile) {
    assertThatThrownBy(
            () -> builder.originate(new OriginateCommand(CALL, CHANNEL, "+15550100", hostile, 30)))
        .isInstanceOf(UnsafeCommandException.class);
    assertThatThrownBy(
            () -> builder.originate(new OriginateCommand(CALL, CHANNEL, hostile, "+15550111", 30)))
        .isInstanceOf(UnsafeCommandException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-uuid", CHANNEL + " hupall", CHANNEL + "\n\nexit", ""})
  void everyChannelCommandRefusesSomethingThatIsNotAUuid(String hostile) {
    assertThatThrownBy(() -> builder.kill(hostile, "NORMAL_CLEARING"))
        .isInstanceOf(UnsafeCommandException.class);
    assertThatThrownBy(() -> builder.broadcast(hostile, "ivr/ivr-welcome.wav"))
        .isInstanceOf(UnsafeCommandException.class);
    assertThatThrownBy(() -> builder.exists(hostile)).isInstanceOf(UnsafeCommandException.class);
    assertThatThrownBy(
            () ->
                builder.originate(
                    new OriginateCommand(CALL, hostile, "+15550100", "+15550111", 30)))
        .isInstanceOf(UnsafeCommandException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ivr/ivr-welcome.wav both",
        "ivr/welcome.wav\n\napi hupall",
        "../../../etc/passwd",
        "${system(rm -rf /)}",
        "ivr/welcome.wav!hangup",
        "{var=1}ivr/welcome.wav",
        " leading-space.wav",
        "hangup::NORMAL_CLEARING",
        "tone_stream://%(1,1,1)::hangup",
        "say:hello' both",
        "say:hello|other|voice",
        "say:${system(rm)}",
        "say:hello\n\napi hupall",
        "say:a::hangup",
        "say:{var=1}hello",
        "say:\\' hupall",
        "say:   ",
        "http_cache://http://example.com/a.wav",
        "http_cache://https://example.com/a b.wav",
        "http_cache://https://example.com/a.wav\n\napi hupall",
        "http_cache://https://example.com/${x}.wav",
        "http_cache://https://example.com/../a.wav",
        "http_cache://https://user@example.com/a.wav",
        "http_cache://https://[::1]/a.wav",
        "http_cache://https://example.com/a.wav'",
        // Absolute paths and paths out of the sound root (issue 17, 3)
        "/etc/passwd",
        "//etc//passwd",
        "/var/lib/irisx/recordings/other-tenant/call.wav",
        "ivr//..//x.wav",
        "ivr//welcome.wav",
        // IP literals and hosts the address policy refuses (issue 17, 2)
        "http_cache://https://169.254.169.254/latest/meta-data",
        "http_cache://https://127.0.0.1/a.wav",
        "http_cache://https://10.0.0.8/a.wav",
        "http_cache://https://93.184.215.14/a.wav",
        "http_cache://https://2130706433/a.wav",
        "http_cache://https://0x7f.1/a.wav",
        "http_cache://https://metadata.google.internal/computeMetadata/v1/"
      })
  void playRefusesMediaThatCouldCarryAnotherCommand(String hostile) {
    assertThatThrownBy(() -> builder.broadcast(CHANNEL, hostile))
        .isInstanceOf(UnsafeCommandException.class);
  }

  @Test
  void playAcceptsSoundFilesAndToneStreams() {
    assertThat(builder.broadcast(CHANNEL, "ivr/ivr-welcome.wav").args())
        .isEqualTo(CHANNEL + " ivr/ivr-welcome.wav aleg");
    assertThat(builder.broadcast(CHANNEL, "tone_stream://%(250,50,440)").args())
        .isEqualTo(CHANNEL + " tone_stream://%(250,50,440) aleg");
  }

  @Test
  void textIsSpokenAsAQuotedTtsFileWithTheNodesEngineAndVoice() {
    assertThat(builder.broadcast(CHANNEL, "say:Your table is ready, Ana!").args())
        .isEqualTo(CHANNEL + " 'tts://flite|kal|Your table is ready, Ana!' aleg");
    EslCommandBuilder polly =
        new EslCommandBuilder(
            new EslNodeSettings(
                "fs1",
                "127.0.0.1",
                8021,
                "x",
                "sofia/gateway/irisx/{to}",
                java.time.Duration.ofSeconds(1)),
            DialOptions.NONE,
            new SpeechVoice("unimrcp", "Joanna"));
    assertThat(polly.broadcast(CHANNEL, "say:Olá, até já").args())
        .isEqualTo(CHANNEL + " 'tts://unimrcp|Joanna|Olá, até já' aleg");
    assertThatThrownBy(() -> new SpeechVoice("flite|x", "kal"))
        .isInstanceOf(UnsafeCommandException.class);
  }

  @Test
  void httpsUrlsPlayThroughTheHttpCache() {
    assertThat(
            builder
                .broadcast(CHANNEL, "http_cache://https://cdn.example.com/p/welcome.wav?v=2&l=en")
                .args())
        .isEqualTo(CHANNEL + " http_cache://https://cdn.example.com/p/welcome.wav?v=2&l=en aleg");
  }

  @Test
  void withThePolicyAMediaHostResolvingToAPrivateAddressIsRefused() {
    EslCommandBuilder checking =
        new EslCommandBuilder(
            new EslNodeSettings(
                "fs1",
                "127.0.0.1",
                8021,
                "x",
                "sofia/gateway/irisx/{to}",
                java.time.Duration.ofSeconds(1)),
            DialOptions.NONE,
            SpeechVoice.FLITE_KAL,
            new io.irisx.workflows.webhook.WebhookUrlPolicy(
                io.irisx.workflows.webhook.WebhookSettings.production()));
    // localhost resolves on every machine, to a loopback address.
    assertThatThrownBy(() -> checking.broadcast(CHANNEL, "http_cache://https://localhost/a.wav"))
        .isInstanceOf(UnsafeCommandException.class)
        .hasMessageContaining("loopback");
  }

  @Test
  void dialLegsAreBridgedByUuidOnly() {
    String other = java.util.UUID.randomUUID().toString();
    assertThat(builder.bridge(CHANNEL, other).toString())
        .isEqualTo("uuid_bridge " + CHANNEL + " " + other);
    assertThat(builder.parkAfterBridge(CHANNEL).toString())
        .isEqualTo("uuid_setvar " + CHANNEL + " park_after_bridge true");
    assertThatThrownBy(() -> builder.bridge(CHANNEL, other + " both"))
        .isInstanceOf(UnsafeCommandException.class);
    assertThatThrownBy(() -> builder.bridge(CHANNEL + "\n\napi hupall", other))
        .isInstanceOf(UnsafeCommandException.class);
  }

  @Test
  void hangupTakesOnlyCauseNames() {
    assertThat(builder.kill(CHANNEL, "NORMAL_CLEARING").toString())
        .isEqualTo("uuid_kill " + CHANNEL + " NORMAL_CLEARING");
    assertThatThrownBy(() -> builder.kill(CHANNEL, "NORMAL_CLEARING\n\napi hupall"))
        .isInstanceOf(UnsafeCommandException.class);
  }

  @Test
  void aDialTemplateThatCouldInjectIsRefusedAtStartup() {
    assertThatThrownBy(() -> new EslCommandBuilder(settings("sofia/gateway/x/{to} &park()")))
        .isInstanceOf(UnsafeCommandException.class);
  }

  @Test
  void nodeDialOptionsSetCallerIdAndSipHeadersAndACallCanAddItsOwn() {
    Map<String, String> nodeHeaders = new LinkedHashMap<>();
    nodeHeaders.put("X-Tenant", "acme-42");
    nodeHeaders.put("X-Campaign", "c42");
    EslCommandBuilder node =
        new EslCommandBuilder(
            settings("sofia/gateway/carrier/{to}"),
            new DialOptions("Acme_Support", "+15550199", nodeHeaders));

    EslCommand command =
        node.originate(
            new OriginateCommand(CALL, CHANNEL, "+15550100", "+15550111", 30),
            DialOptions.sipHeaders(Map.of("X-Ticket", "T-1")));

    assertThat(command.args())
        .isEqualTo(
            "{origination_uuid="
                + CHANNEL
                + ",irisx_call_id="
                + CALL
                + ",origination_caller_id_number=+15550199,origination_caller_id_name=Acme_Support"
                + ",originate_timeout=30,ignore_early_media=true"
                + ",sip_h_X-Campaign=c42,sip_h_X-Tenant=acme-42,sip_h_X-Ticket=T-1}sofia/gateway/carrier/+15550111 &park()");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a,b",
        "a{b",
        "a}b",
        "a[b",
        "a]b",
        "a^b",
        "a|b",
        "a&b",
        "a b",
        "a\tb",
        "a\nb",
        "a\r\nb",
        "${sip_from_user}",
        "a=b",
        "a'b",
        "a\"b",
        "a(b)",
        "a<b>",
        "a\\b",
        ""
      })
  void sipHeaderValuesAndCallerIdNamesThatCouldInjectAreRefused(String hostile) {
    OriginateCommand call = new OriginateCommand(CALL, CHANNEL, "+15550100", "+15550111", 30);

    assertThatThrownBy(
            () -> builder.originate(call, DialOptions.sipHeaders(Map.of("X-Campaign", hostile))))
        .isInstanceOf(UnsafeCommandException.class);
    assertThatThrownBy(() -> builder.originate(call, new DialOptions(hostile, null, Map.of())))
        .isInstanceOf(UnsafeCommandException.class);
    assertThatThrownBy(
            () ->
                new EslCommandBuilder(
                    settings("sofia/gateway/x/{to}"),
                    DialOptions.sipHeaders(Map.of("X-A", hostile))))
        .isInstanceOf(UnsafeCommandException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "From",
        "Via",
        "P-Asserted-Identity",
        "X-",
        "X-a_b",
        "X-a b",
        "X-a=b",
        "X-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "x-lower"
      })
  void onlyXHeaderNamesAreAccepted(String name) {
    OriginateCommand call = new OriginateCommand(CALL, CHANNEL, "+15550100", "+15550111", 30);

    assertThatThrownBy(() -> builder.originate(call, DialOptions.sipHeaders(Map.of(name, "v"))))
        .isInstanceOf(UnsafeCommandException.class);
  }

  @Test
  void aCallerIdNumberOverrideMustBeStrictE164() {
    OriginateCommand call = new OriginateCommand(CALL, CHANNEL, "+15550100", "+15550111", 30);

    assertThatThrownBy(
            () -> builder.originate(call, new DialOptions(null, "15550100,x=1", Map.of())))
        .isInstanceOf(UnsafeCommandException.class);
  }

  static EslNodeSettings settings(String dialTemplate) {
    return new EslNodeSettings(
        "node-1", "127.0.0.1", 8021, "ClueCon", dialTemplate, Duration.ofSeconds(2));
  }
}
