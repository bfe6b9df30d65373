package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** bgapi: the immediate Job-UUID reply and the BACKGROUND_JOB event that carries the result. */
class BackgroundJobSimulatorTest extends ConnectedClientTest {
  @Override
  String subscribedEvents() {
    return "BACKGROUND_JOB";
  }

  @Test
  void aGeneratedJobUuidIsRepliedAndTheResultArrivesAsAnEvent() throws Exception {
    EslTestClient.Frame reply = client.command("bgapi status");

    String jobUuid = reply.header("Job-UUID");
    assertThat(jobUuid).matches("[0-9a-f-]{36}");
    assertThat(reply.text())
        .isEqualTo(
            "Content-Type: command/reply\nReply-Text: +OK Job-UUID: "
                + jobUuid
                + "\nJob-UUID: "
                + jobUuid
                + "\n\n");
    EslTestClient.Event job = client.awaitEvent(e -> jobUuid.equals(e.header("Job-UUID")));
    assertThat(job.header("Job-Command")).isEqualTo("status");
    assertThat(job.header("Job-Command-Arg")).isNull();
    assertThat(job.body()).startsWith("UP 0 years");
  }

  @Test
  void aClientSuppliedJobUuidIsHonoured() throws Exception {
    String jobUuid = "7f4db78a-17d7-11dd-b7a0-db4edd065621";

    EslTestClient.Frame reply =
        client.command(
            "bgapi uuid_exists 00000000-0000-0000-0000-000000000000\nJob-UUID: "
                + jobUuid
                + "\n\n");

    assertThat(reply.header("Reply-Text")).isEqualTo("+OK Job-UUID: " + jobUuid);
    EslTestClient.Event job = client.awaitEvent(e -> jobUuid.equals(e.header("Job-UUID")));
    assertThat(job.header("Job-Command")).isEqualTo("uuid_exists");
    assertThat(job.header("Job-Command-Arg")).isEqualTo("00000000-0000-0000-0000-000000000000");
    assertThat(job.body()).isEqualTo("false");
    assertThat(job.frame().text()).contains("Content-Length: 5\n\nfalse");
  }

  @Test
  void onlySubscribedConnectionsSeeTheJobResult() throws Exception {
    try (EslTestClient bystander = EslTestClient.authenticated(simulator, "ClueCon")) {
      bystander.command("event plain CHANNEL_CREATE");
      String jobUuid = client.command("bgapi status").header("Job-UUID");

      client.awaitEvent(e -> jobUuid.equals(e.header("Job-UUID")));
      bystander.api("status"); // a round trip: anything queued before it would have arrived by now

      assertThat(bystander.events()).isEmpty();
    }
  }

  @Test
  void theOriginateResultIsTheJobBody() throws Exception {
    String uuid = "0b5e6a4c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    String arguments =
        "{origination_uuid="
            + uuid
            + ",ignore_early_media=true}sofia/gateway/gw1/+15551234567 &park()";

    String jobUuid = client.command("bgapi originate " + arguments).header("Job-UUID");

    EslTestClient.Event job = client.awaitEvent(e -> jobUuid.equals(e.header("Job-UUID")));
    assertThat(job.body()).isEqualTo("+OK " + uuid + "\n");
    assertThat(job.header("Job-Command-Arg")).isEqualTo(arguments);
    assertThat(job.frame().text())
        .contains(
            "Job-Command-Arg: %7Borigination_uuid%3D0b5e6a4c-1c2d-4e5f-8a9b-0c1d2e3f4a5b,ignore_early_media%3Dtrue%7D"
                + "sofia/gateway/gw1/%2B15551234567%20%26park()\nContent-Length: 41\n\n+OK "
                + uuid
                + "\n");
    client.api("uuid_kill " + uuid);
  }

  @Test
  void replyAlwaysPrecedesItsJobEvenForInstantJobs() throws Exception {
    for (int i = 0; i < 20; i++) {
      client.command("bgapi uuid_exists x");
    }
    client.awaitEvent(e -> e.name().equals("BACKGROUND_JOB") && client.events().size() >= 20);

    java.util.List<EslTestClient.Frame> frames = client.frames();
    for (int i = 0; i < frames.size(); i++) {
      if (frames.get(i).isEvent()) {
        String jobUuid = EslTestClient.parsePlain(frames.get(i)).header("Job-UUID");
        int replyAt = indexOfReply(frames, jobUuid);
        assertThat(replyAt).as("reply of job %s", jobUuid).isBetween(0, i - 1);
      }
    }
  }

  private static int indexOfReply(java.util.List<EslTestClient.Frame> frames, String jobUuid) {
    for (int i = 0; i < frames.size(); i++) {
      if (!frames.get(i).isEvent() && jobUuid.equals(frames.get(i).header("Job-UUID"))) {
        return i;
      }
    }
    return -1;
  }
}
