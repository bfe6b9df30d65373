package io.irisx.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.auth.ProvisionedTenant;
import io.irisx.client.ApiResponse;
import io.irisx.client.AuthenticationException;
import io.irisx.client.ClientErrorException;
import io.irisx.client.IrisxClient;
import io.irisx.client.NotFoundException;
import io.irisx.client.Page;
import io.irisx.client.UnprocessableEntityException;
import io.irisx.client.model.Call;
import io.irisx.client.model.PhoneNumber;
import io.irisx.client.model.Webhook;
import io.irisx.client.params.ListCallsParams;
import io.irisx.client.params.NewPhoneNumberParams;
import io.irisx.client.params.NewWebhookParams;
import io.irisx.client.params.PhoneNumberUpdate;
import io.irisx.client.params.StartCallParams;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Java SDK against the real API: typed answers, problems as one exception per status, pages
 * walked to the end, a POST's Idempotency-Key reused so a repeat finds the same call.
 */
class ClientAgainstTheApiTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private ProvisionedTenant tenant;
  private IrisxClient irisx;

  @BeforeEach
  void setUp() {
    tenant = STACK.newTenant();
    irisx =
        IrisxClient.builder()
            .baseUrl("http://127.0.0.1:" + APP.getLocalPort())
            .apiKey(tenant.apiKey())
            .build();
  }

  private static StartCallParams hello() {
    return StartCallParams.builder().from("+15550100").to("+15550111").flow("hello").build();
  }

  @Test
  void aStartedCallIsTypedAndFoundAgain() {
    ApiResponse<Call> started = irisx.calls().startWithResponse(hello());
    assertThat(started.status()).isEqualTo(201);
    assertThat(started.headers().firstValue("Location")).isPresent();
    Call call = started.body();
    assertThat(UUID.fromString(call.id())).isNotNull();
    assertThat(call.status()).isEqualTo("queued");
    assertThat(call.createdAt()).isNotNull();
    assertThat(irisx.calls().get(call.id()).to()).isEqualTo("+15550111");
    assertThat(irisx.calls().list(ListCallsParams.builder().to("+15550111").build()).data())
        .extracting(Call::id)
        .containsExactly(call.id());
  }

  @Test
  void theSameIdempotencyKeyFindsTheSameCall() {
    IrisxClient keyed = irisx.withOptions(o -> o.idempotencyKey(UUID.randomUUID().toString()));
    ApiResponse<Call> first = keyed.calls().startWithResponse(hello());
    ApiResponse<Call> again = keyed.calls().startWithResponse(hello());
    assertThat(again.body().id()).isEqualTo(first.body().id());
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(STACK.callCount(tenant.tenantId())).isEqualTo(1);
  }

  @Test
  void problemsAreExceptionsOfTheirStatus() {
    assertThatThrownBy(() -> irisx.calls().start(hello().toBuilder().to("5550111").build()))
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.problem().errors()).extracting(f -> f.field()).contains("to");
            })
        .isInstanceOf(ClientErrorException.class);
    assertThatThrownBy(() -> irisx.calls().get(UUID.randomUUID().toString()))
        .isInstanceOf(NotFoundException.class);
    IrisxClient wrongKey =
        IrisxClient.builder()
            .baseUrl("http://127.0.0.1:" + APP.getLocalPort())
            .apiKey("irx_not_a_key")
            .build();
    assertThatThrownBy(() -> wrongKey.phoneNumbers().list())
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void aListIsWalkedPageByPage() {
    for (int i = 0; i < 5; i++) {
      irisx
          .phoneNumbers()
          .create(NewPhoneNumberParams.builder().number("+1555800000" + i).flow("hello").build());
    }
    Page<PhoneNumber> first = irisx.phoneNumbers().list(2);
    assertThat(first.data()).hasSize(2);
    assertThat(first.hasNextPage()).isTrue();
    List<String> all = first.stream().map(PhoneNumber::number).toList();
    assertThat(all).hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void aPatchSendsOnlyWhatItSetsAndClearsWhatItClears() {
    PhoneNumber number =
        irisx
            .phoneNumbers()
            .create(
                NewPhoneNumberParams.builder()
                    .number("+15558100000")
                    .flow("hello")
                    .friendlyName("Front desk")
                    .build());
    PhoneNumber renamed =
        irisx.phoneNumbers().update(number.id(), PhoneNumberUpdate.builder().flow("ivr").build());
    assertThat(renamed.flow()).isEqualTo("ivr");
    assertThat(renamed.friendlyName()).isEqualTo("Front desk");
    PhoneNumber cleared =
        irisx
            .phoneNumbers()
            .update(number.id(), PhoneNumberUpdate.builder().clearFriendlyName().build());
    assertThat(cleared.friendlyName()).isNull();
  }

  @Test
  void aNewWebhookShowsItsSecretOnce() {
    Webhook created =
        irisx
            .webhooks()
            .create(
                NewWebhookParams.builder()
                    .url("https://93.184.215.14/hooks")
                    .events(List.of("call.completed"))
                    .build());
    assertThat(created.secret()).startsWith("whsec_");
    assertThat(irisx.webhooks().get(created.id()).secret()).isNull();
  }
}
