package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A voicemail end to end: POST /v1/calls with the voicemail flow, the simulator records (silence,
 * ended by the silence timeout), the worker uploads the WAV to S3Proxy, the row ends available, and
 * the presigned URL from the API downloads exactly the WAV the simulator wrote. Prints the call and
 * its timeline as the API returns them (with -Dirisx.exampleDir=DIR also saves them there).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordedCallEndToEndTest {
  private DevStack stack;
  private CallsApi api;
  private Path home;

  @BeforeAll
  void startStack(@TempDir Path home) {
    this.home = home.toAbsolutePath();
    stack = DevStack.start(DevOptions.ephemeral(home, TemporalMode.IN_PROCESS));
    api = new CallsApi(stack.manifest());
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aVoicemailEndsAsTheSimulatorsWavInS3AndItsPresignedUrlDownloadsIt() throws Exception {
    CallsApi.Reply created =
        api.post(
            "/v1/calls",
            """
            {"from":"+15550100","to":"+15550111","flow":"voicemail","params":{"silenceSeconds":2,"maxSeconds":30}}""");
    assertThat(created.status()).isEqualTo(201);
    String callId = created.body().path("id").asText();

    JsonNode call = api.awaitFinal(callId, Duration.ofSeconds(60));
    assertThat(call.path("status").asText()).isEqualTo("completed");
    assertThat(call.path("hungUpBy").asText()).isEqualTo("platform");
    String recordingId = call.path("metadata").path("recordingId").asText();
    assertThat(call.path("metadata").path("recordingEnding").asText()).isEqualTo("silence");

    JsonNode[] listed = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              listed[0] = api.get("/v1/calls/" + callId + "/recordings").body();
              JsonNode first = listed[0].path("data").path(0);
              return "available".equals(first.path("status").asText());
            });
    assertThat(listed[0].path("data")).hasSize(1);
    JsonNode recording = api.get("/v1/recordings/" + recordingId).body();
    assertThat(recording.path("status").asText()).isEqualTo("available");
    assertThat(recording.path("callId").asText()).isEqualTo(callId);

    HttpResponse<byte[]> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(recording.path("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    byte[] wav = download.body();
    assertThat(wav).hasSize(recording.path("sizeBytes").asInt());
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wav)))
        .isEqualTo(recording.path("checksumSha256").asText());
    // What the simulator writes for a recording of this length: 8 kHz 16-bit mono silence.
    int dataBytes = ByteBuffer.wrap(wav, 40, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    assertThat(dataBytes).isPositive();
    assertThat(wav).isEqualTo(silentWav(dataBytes));
    // About the 2 s of silence that ended it.
    assertThat(recording.path("durationMillis").asLong()).isBetween(1_500L, 4_000L);
    // The node's copy is gone once S3 confirmed the object.
    assertThat(Files.exists(home.resolve("recordings").resolve(recordingId + ".wav"))).isFalse();

    JsonNode events = api.get("/v1/calls/" + callId + "/events").body();
    assertThat(events.toString()).contains("call.recording-started", "call.recording-stopped");
    keepExample("voicemail-call.json", api.get("/v1/calls/" + callId).body());
    keepExample("voicemail-call-events.json", events);
    keepExample("voicemail-recording.json", recording);
  }

  private static byte[] silentWav(int dataBytes) {
    ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes(StandardCharsets.US_ASCII))
        .putInt(36 + dataBytes)
        .put("WAVE".getBytes(StandardCharsets.US_ASCII));
    wav.put("fmt ".getBytes(StandardCharsets.US_ASCII))
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) 1)
        .putInt(8000)
        .putInt(16000)
        .putShort((short) 2)
        .putShort((short) 16);
    wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
    return wav.array();
  }

  private static void keepExample(String name, JsonNode json) throws Exception {
    String pretty =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(json);
    System.out.println("--- " + name + "\n" + pretty);
    String dir = System.getProperty("irisx.exampleDir");
    if (dir != null) {
      Files.createDirectories(Path.of(dir));
      Files.writeString(Path.of(dir, name), pretty + "\n");
    }
  }
}
