package io.irisx.worker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import org.junit.jupiter.api.Test;

/** {@code ./irisx bench} command lines: defaults, derived sizes, refusals. */
class BenchCommandsTest {

  @Test
  void optionsAloneRunTheHelloBench() {
    assertThat(IrisxBenchApplication.withDefaultCommand(new String[] {"--cps", "5"}))
        .containsExactly("hello", "--cps", "5");
    assertThat(IrisxBenchApplication.withDefaultCommand(new String[] {})).containsExactly("hello");
    assertThat(IrisxBenchApplication.withDefaultCommand(new String[] {"ivr", "--cps", "5"}))
        .containsExactly("ivr", "--cps", "5");
    assertThat(IrisxBenchApplication.withDefaultCommand(new String[] {"-h"})).containsExactly("-h");
  }

  @Test
  void aCallBenchsSizeComesFromItsPaceAndDuration() throws Exception {
    CallBenchCommand ivr = new CallBenchCommand(Scenario.IVR, "ivr");

    BenchOptions paced = ivr.options(ivr.parse("--cps", "5", "--duration", "4", "--no-baseline"));
    assertThat(paced.scenario()).isEqualTo(Scenario.IVR);
    assertThat(paced.calls()).isEqualTo(20);
    assertThat(paced.baseline()).isFalse();
    assertThat(paced.drain()).isEqualTo(Duration.ofSeconds(64));
    assertThat(paced.backend()).isEqualTo(BenchBackend.IN_PROCESS);
    assertThat(paced.outputDir()).isEqualTo(Path.of("target/bench"));

    BenchOptions flatOut =
        ivr.options(ivr.parse("--cps", "0", "--temporal", "postgres", "--reuse", "--drain", "9"));
    assertThat(flatOut.calls()).isEqualTo(200);
    assertThat(flatOut.backend()).isEqualTo(BenchBackend.POSTGRES);
    assertThat(flatOut.reuse()).isTrue();
    assertThat(flatOut.drain()).isEqualTo(Duration.ofSeconds(9));
  }

  @Test
  void badNumbersAndUnknownOptionsAreRefused() {
    CallBenchCommand hello = new CallBenchCommand(Scenario.HELLO, "hello");
    assertThatThrownBy(() -> hello.parse("--cps", "-1"))
        .isInstanceOf(ArgumentParserException.class);
    assertThatThrownBy(() -> hello.parse("--calls", "0"))
        .isInstanceOf(ArgumentParserException.class);
    assertThatThrownBy(() -> hello.parse("--temporal", "docker"))
        .isInstanceOf(ArgumentParserException.class);
    assertThatThrownBy(() -> hello.parse("--cpss", "5"))
        .isInstanceOf(ArgumentParserException.class);
  }

  @Test
  void aWebhookBenchHasItsOwnDefaults() throws Exception {
    WebhookBenchCommand webhooks = new WebhookBenchCommand();

    WebhookBenchOptions options = webhooks.options(webhooks.parse("--events", "12"));

    assertThat(options.events()).isEqualTo(12);
    assertThat(options.eventsPerCall()).isEqualTo(5);
    assertThat(options.perSecond()).isEqualTo(50);
    assertThat(options.calls()).isEqualTo(3);
    assertThat(options.drain()).isEqualTo(Duration.ofSeconds(120));
    assertThat(options.shape()).isEqualTo(WebhookShape.CALL_WEBHOOKS);
  }

  @Test
  void aWebhookBenchPublishesIntoTheOlderShapeOnRequest() throws Exception {
    WebhookBenchCommand webhooks = new WebhookBenchCommand();

    assertThat(webhooks.options(webhooks.parse("--shape", "stream")).shape())
        .isEqualTo(WebhookShape.STREAM);
    assertThatThrownBy(() -> webhooks.parse("--shape", "per-event"))
        .isInstanceOf(ArgumentParserException.class);
  }
}
