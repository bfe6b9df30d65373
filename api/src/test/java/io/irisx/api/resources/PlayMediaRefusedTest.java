package io.irisx.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /v1/calls/{id}/play} with text, a URL or a tone: input the switch could read as a
 * command, a URL that is not https, or one whose host is on a private network (the node would fetch
 * it) is a 422 problem naming the field, before the call is asked anything.
 */
class PlayMediaRefusedTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "{\"text\": \"it's over\"} => text",
        "{\"text\": \"a|hangup::x\"} => text",
        "{\"text\": \"${system(reboot)}\"} => text",
        "{\"text\": \"hi\\n\\napi hupall\"} => text",
        "{\"text\": \"\"} => text",
        "{\"url\": \"http://93.184.215.14/a.wav\"} => url",
        "{\"url\": \"https://93.184.215.14/a b.wav\"} => url",
        "{\"url\": \"https://127.0.0.1/a.wav\"} => url",
        "{\"url\": \"https://10.1.2.3/a.wav\"} => url",
        "{\"url\": \"https://169.254.169.254/latest/meta-data\"} => url",
        "{\"url\": \"https://localhost/a.wav\"} => url",
        "{\"tone\": \"%(1,1,1)::hangup\"} => tone",
        "{\"file\": \"../../etc/passwd\"} => file",
        "{\"text\": \"hi\", \"tone\": \"%(250,50,440)\"} => body",
        "{} => body"
      })
  void unsafeOrAmbiguousMediaIsAProblemNamingTheField(String body, String field) {
    ApiClient api = new ApiClient(APP.getLocalPort());
    ProvisionedTenant tenant = STACK.newTenant();
    ApiClient.Reply call = api.startCall(tenant.apiKey(), "+15550100", "+15550111", "hello");
    assertThat(call.status()).isEqualTo(201);

    ApiClient.Reply reply =
        api.post(
            "/v1/calls/" + call.body().path("id").asText() + "/play",
            tenant.apiKey(),
            body.strip());

    ProblemAssert.assertProblem(reply, 422, "validation-error");
    List<String> reported = new ArrayList<>();
    reply.body().path("errors").forEach(e -> reported.add(e.path("field").asText()));
    assertThat(reported).containsExactly(field);
  }
}
