package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator does after a call: open the Temporal Web UI of the dev stack (the real {@code
 * temporal} CLI dev server) in headless Chromium, find the call by its {@code CallId} search
 * attribute, open it, and read its history: the originate activity and the channel-event signals
 * are there. Screenshots of the list and the history go to {@code target/}.
 */
class TemporalUiBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "temporal-ui");

  @Test
  void anOperatorFindsACallByItsCallIdAndReadsItsHistory(@TempDir Path home) throws Exception {
    TemporalCliRequirement.check();
    Path chromium = HeadlessChromium.require();

    try (DevStack stack = DevStack.start(DevOptions.ephemeral(home, TemporalMode.CLI))) {
      CallsApi api = new CallsApi(stack.manifest());
      CallsApi.Reply created = api.startCall("+15550100", "+15550111", "hello");
      assertThat(created.status()).isEqualTo(201);
      String callId = created.body().path("id").asText();
      assertThat(api.awaitFinal(callId, Duration.ofSeconds(60)).path("status").asText())
          .isEqualTo("completed");

      String ui = stack.manifest().temporalUiUrl();
      assertThat(ui).isNotNull();
      Files.createDirectories(SCREENSHOTS);
      try (HeadlessChromium browser =
          HeadlessChromium.launch(
              chromium, home.resolve("chromium"), home.resolve("logs/chromium.log"))) {
        String query =
            URLEncoder.encode("CallId=\"" + callId + "\"", StandardCharsets.UTF_8)
                .replace("+", "%20");
        browser.navigate(ui + "/namespaces/default/workflows?query=" + query);
        String workflowId = "call-" + callId;
        String list =
            browser.awaitText(
                text -> text.contains(workflowId), Duration.ofSeconds(60), workflowId);
        browser.screenshot(SCREENSHOTS.resolve("call-search.png"));
        // The UI shows the status in capitals (text-transform), as COMPLETED.
        assertThat(list).contains("Call").containsIgnoringCase("Completed");

        String href =
            browser
                .evaluate(
                    "(() => { const a = [...document.querySelectorAll('a')].find(a => a.href.includes('/workflows/"
                        + workflowId
                        + "/')); return a ? a.href : null; })()")
                .asText(null);
        assertThat(href).as("a link to the call's workflow").isNotNull();
        // The list links to a run's summary, history or (UI 2.54) timeline page.
        String history = href.replaceAll("/(summary|history|timeline)?$", "") + "/history";
        browser.navigate(history);
        String page =
            browser.awaitText(
                // The call's steps own their channel's events: a DialCall and a PlayPrompt
                // activity, no signal per channel event.
                text -> text.contains("DialCall") && text.contains("PlayPrompt"),
                Duration.ofSeconds(60),
                "the DialCall and PlayPrompt activities");
        browser.screenshot(SCREENSHOTS.resolve("call-history.png"));
        assertThat(page).contains("dial the call and wait until it is answered or fails");

        // The static summary and details the API set when it started the call.
        browser.evaluate(
            "(() => { const tab = [...document.querySelectorAll('a,button')].find(e => e.innerText.trim() === 'User Metadata');"
                + " if (tab) tab.click(); return !!tab; })()");
        try {
          browser.awaitText(
              text -> text.contains("outbound +15550100 → +15550111 · hello"),
              Duration.ofSeconds(30),
              "the call's static summary");
        } finally {
          browser.screenshot(SCREENSHOTS.resolve("call-user-metadata.png"));
        }
        System.out.printf(
            "Temporal UI: %s; screenshots in %s%n", history, SCREENSHOTS.toAbsolutePath());
      }
    }
  }
}
