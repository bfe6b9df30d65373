package io.irisx.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built console is served at /console/ from the API's origin, every page through index.html.
 */
class ConsoleServedTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private ApiClient.Reply get(String path) {
    return new ApiClient(APP.getLocalPort()).get(path, null);
  }

  @Test
  void theAppIsServedWithAStrictContentSecurityPolicy() {
    assertThat(ConsoleAssetServlet.isBuilt())
        .as("the irisx-console jar is on the class path")
        .isTrue();
    ApiClient.Reply index = get("/console/");

    assertThat(index.status()).isEqualTo(200);
    assertThat(index.contentType()).startsWith("text/html");
    assertThat(index.raw().body()).contains("<div id=\"app\"></div>");
    assertThat(index.header("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(index.header("Cache-Control")).contains("no-cache");
    assertThat(index.header("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void aPageOfTheAppIsIndexHtmlAndAFingerprintedFileIsCachedForAYear() {
    ApiClient.Reply page = get("/console/calls/0b8f7c1e-0000-0000-0000-000000000000");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().body()).contains("<div id=\"app\"></div>");

    Matcher script = Pattern.compile("/console/(assets/[^\"]+\\.js)").matcher(page.raw().body());
    assertThat(script.find()).isTrue();
    ApiClient.Reply asset = get("/console/" + script.group(1));
    assertThat(asset.status()).isEqualTo(200);
    assertThat(asset.contentType()).startsWith("text/javascript");
    assertThat(asset.header("Cache-Control")).contains("public, max-age=31536000, immutable");
    ApiClient.Reply compressed =
        new ApiClient(APP.getLocalPort())
            .request("GET", "/console/" + script.group(1), null, null, "Accept-Encoding", "gzip");
    assertThat(compressed.header("Content-Encoding")).contains("gzip");
  }

  @Test
  void aMissingAssetIsNotFoundAndNothingOutsideTheConsoleIsServed() {
    assertThat(get("/console/assets/nothing-here.js").status()).isEqualTo(404);
    ApiClient.Reply traversal = get("/console/..%2F..%2Firisx%2Fdb%2Fchangelog.xml");
    assertThat(traversal.raw().body()).doesNotContain("databaseChangeLog");
    assertThat(get("/console").status()).isIn(301, 302);
  }
}
