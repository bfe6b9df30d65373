package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Greeting and auth, compared byte for byte with captures 01-bad-auth and 02-auth-api. */
class AuthenticationSimulatorTest {
  private EslSimulator simulator;

  @BeforeEach
  void start() {
    simulator = EslSimulator.start(SimulatorOptions.defaults().withPort(0).withPassword("s3cret"));
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void greetsAndAcceptsTheRightPasswordWithTheCapturedBytes() throws Exception {
    try (EslTestClient client = EslTestClient.connect(simulator)) {
      assertThat(client.nextReply().text()).isEqualTo("Content-Type: auth/request\n\n");

      EslTestClient.Frame reply = client.command("auth s3cret");

      assertThat(reply.raw())
          .isEqualTo(
              "Content-Type: command/reply\nReply-Text: +OK accepted\n\n"
                  .getBytes(StandardCharsets.US_ASCII));
      assertThat(reply.raw()).hasSize(54);
    }
  }

  @Test
  void aWrongPasswordIsRefusedWithTheGoodbyeNoticeAndTheSocketCloses() throws Exception {
    try (EslTestClient client = EslTestClient.connect(simulator)) {
      client.nextReply();

      EslTestClient.Frame reply = client.command("auth WrongPassword");
      EslTestClient.Frame notice = client.nextReply();

      assertThat(reply.text())
          .isEqualTo("Content-Type: command/reply\nReply-Text: -ERR invalid\n\n");
      assertThat(notice.text())
          .isEqualTo(
              "Content-Type: text/disconnect-notice\nContent-Length: 67\n\n"
                  + "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n");
      assertThat(notice.raw()).hasSize(124);
      await().atMost(EslTestClient.WAIT).until(client::closedByServer);
    }
  }

  @Test
  void commandsBeforeAuthAreRefusedButTheConnectionStaysUsable() throws Exception {
    try (EslTestClient client = EslTestClient.connect(simulator)) {
      client.nextReply();

      assertThat(client.command("api status").header("Reply-Text"))
          .isEqualTo("-ERR command not found");
      assertThat(client.command("auth s3cret").header("Reply-Text")).isEqualTo("+OK accepted");
      assertThat(client.api("status")).startsWith("UP ");
    }
  }

  @Test
  void recordedCommandsNeverContainThePassword() throws Exception {
    try (EslTestClient client = EslTestClient.authenticated(simulator, "s3cret")) {
      client.api("status");
    }
    assertThat(simulator.receivedCommands()).containsExactly("auth ********", "api status");
  }

  @Test
  void exitSaysByeThenTheGoodbyeNoticeThenCloses() throws Exception {
    try (EslTestClient client = EslTestClient.authenticated(simulator, "s3cret")) {
      EslTestClient.Frame bye = client.command("exit");
      EslTestClient.Frame notice = client.nextReply();

      assertThat(bye.raw()).hasSize(49);
      assertThat(bye.text()).isEqualTo("Content-Type: command/reply\nReply-Text: +OK bye\n\n");
      assertThat(notice.raw()).hasSize(124);
      await().atMost(EslTestClient.WAIT).until(client::closedByServer);
    }
  }
}
