package io.irisx.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/api.md names every operation of the OpenAPI document the API serves, and no other: a route
 * added, renamed or removed shows here until the reference page follows.
 */
class ApiReferenceTest {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final Pattern OPERATION =
      Pattern.compile("`(GET|PUT|POST|DELETE|PATCH) (/[^`?\\s]*)[^`]*`");

  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  @Test
  void theReferencePageAndTheDocumentNameTheSameOperations() throws IOException {
    ApiClient.Reply reply = new ApiClient(APP.getLocalPort()).get("/v1/openapi.json", null);
    assertThat(reply.status()).isEqualTo(200);
    Set<String> documented = new TreeSet<>();
    reply
        .body()
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (METHODS.contains(method)) {
                            documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                          }
                        }));

    Set<String> onThePage = operationsIn(referencePage());

    assertThat(documented).as("operations of the OpenAPI document").hasSizeGreaterThan(50);
    assertThat(onThePage).as("operations docs/api.md names").isEqualTo(documented);
  }

  @Test
  void aMentionWithAQueryCountsAsItsOperation() {
    assertThat(operationsIn("`GET /v1/calls?limit=20` and `POST /v1/calls/{id}/hangup`"))
        .containsExactly("GET /v1/calls", "POST /v1/calls/{id}/hangup");
  }

  private static Set<String> operationsIn(String text) {
    Set<String> operations = new TreeSet<>();
    Matcher m = OPERATION.matcher(text);
    while (m.find()) {
      operations.add(m.group(1) + " " + m.group(2));
    }
    return operations;
  }

  private static String referencePage() throws IOException {
    String root = System.getenv().getOrDefault("IRISX_PROJECT_ROOT", "..");
    return Files.readString(Path.of(root, "docs", "api.md"));
  }
}
