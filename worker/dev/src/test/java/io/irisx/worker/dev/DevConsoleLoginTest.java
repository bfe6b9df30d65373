package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev stack serves the console and makes its login: an admin of the dev tenant, in dev.json,
 * whose password and browser session survive a restart.
 */
class DevConsoleLoginTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> logIn(DevManifest manifest) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(manifest.apiUrl() + "/v1/session"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    new ObjectMapper()
                        .createObjectNode()
                        .put("email", manifest.consoleEmail())
                        .put("password", manifest.consolePassword())
                        .toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void devJsonCarriesAConsoleLoginThatSurvivesARestart(@TempDir Path home) throws Exception {
    DevOptions options = DevOptions.ephemeral(home, TemporalMode.IN_PROCESS).withRunWorker(false);
    String password;
    String cookie;
    try (DevStack stack = DevStack.start(options)) {
      DevManifest manifest = stack.manifest();
      assertThat(manifest.consoleUrl()).isEqualTo(manifest.apiUrl() + "/console/");
      assertThat(get(manifest.consoleUrl(), null).body()).contains("<div id=\"app\"></div>");
      password = manifest.consolePassword();
      assertThat(password).hasSizeGreaterThanOrEqualTo(12);

      HttpResponse<String> login = logIn(manifest);
      assertThat(login.statusCode()).as(login.body()).isEqualTo(201);
      assertThat(new ObjectMapper().readTree(login.body()).path("user").path("role").asText())
          .isEqualTo("admin");
      cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      assertThat(get(manifest.apiUrl() + "/v1/calls", cookie).statusCode()).isEqualTo(200);
    }

    try (DevStack again = DevStack.start(options.withFresh(false))) {
      assertThat(again.manifest().consolePassword()).isEqualTo(password);
      assertThat(logIn(again.manifest()).statusCode()).isEqualTo(201);
      assertThat(get(again.manifest().apiUrl() + "/v1/session", cookie).statusCode())
          .isEqualTo(200);
    }
  }
}
