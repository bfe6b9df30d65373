package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Synchronous api replies, framing compared with captures 02-auth-api and 13-originate-errors. */
class ApiCommandSimulatorTest extends ConnectedClientTest {
  @Test
  void statusReportsUptimeAndReadinessLikeFreeSwitch() throws Exception {
    EslTestClient.Frame reply = client.command("api status");

    assertThat(reply.contentType()).isEqualTo("api/response");
    assertThat(reply.headers().get(0)[0]).isEqualTo("Content-Type");
    assertThat(reply.headers().get(1)[0]).isEqualTo("Content-Length");
    assertThat(reply.body())
        .matches(
            "(?s)UP 0 years, 0 days, 0 hours, 0 minutes, \\d+ seconds?, \\d+ milliseconds?, \\d+ microseconds?\n"
                + "FreeSWITCH \\(Version 1\\.10\\.12-release  64bit\\) is ready\n.*")
        .contains("session(s) since startup\n")
        .endsWith("Current Stack Size/Max 240K/8192K\n");
  }

  @Test
  void anUnknownApiCommandIsAnsweredExactlyAsCaptured() throws Exception {
    assertThat(client.command("api nosuchcommand arg").text())
        .isEqualTo(
            "Content-Type: api/response\nContent-Length: 38\n\n-ERR nosuchcommand Command not found!\n");
  }

  @Test
  void anUnknownVerbIsAnsweredExactlyAsCaptured() throws Exception {
    assertThat(client.command("bogus command here").text())
        .isEqualTo("Content-Type: command/reply\nReply-Text: -ERR command not found\n\n");
  }

  @Test
  void killingAMissingChannelIsAnsweredExactlyAsCaptured() throws Exception {
    assertThat(client.command("api uuid_kill 00000000-0000-0000-0000-000000000000").text())
        .isEqualTo("Content-Type: api/response\nContent-Length: 22\n\n-ERR No such channel!\n");
    assertThat(client.api("uuid_exists 00000000-0000-0000-0000-000000000000")).isEqualTo("false");
  }

  @Test
  void anEmptyChannelListIsAnsweredExactlyAsCaptured() throws Exception {
    assertThat(client.command("api show channels as json").text())
        .isEqualTo("Content-Type: api/response\nContent-Length: 17\n\n{\"row_count\": 0}\n");
    assertThat(client.command("api show channels").text())
        .isEqualTo("Content-Type: api/response\nContent-Length: 10\n\n\n0 total.\n");
  }

  @Test
  void malformedOriginatesGetFreeSwitchsUsageAndEndpointErrors() throws Exception {
    assertThat(client.command("api originate garbage").raw()).hasSize(173);
    assertThat(client.api("originate"))
        .startsWith("-USAGE: <call url> <exten>|&<application_name>(<app_args>)");
    assertThat(client.command("api originate foo/bar &park()").text())
        .isEqualTo("Content-Type: api/response\nContent-Length: 26\n\n-ERR CHAN_NOT_IMPLEMENTED\n");
  }

  @Test
  void harmlessVerbsAreAcknowledged() throws Exception {
    assertThat(client.command("log 7").header("Reply-Text")).isEqualTo("+OK log level 7 [7]");
    assertThat(client.command("nolog").header("Reply-Text")).isEqualTo("+OK no longer logging");
    assertThat(client.command("noevents").header("Reply-Text"))
        .isEqualTo("-ERR not listening for events");
  }
}
