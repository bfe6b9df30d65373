package io.irisx.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContactsTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private static final List<String> FIELDS =
      List.of(
          "id",
          "firstName",
          "lastName",
          "phoneNumber",
          "email",
          "company",
          "tags",
          "notes",
          "metadata",
          "createdAt",
          "updatedAt");

  private ApiClient api;
  private ProvisionedTenant tenant;

  @BeforeEach
  void setUp() {
    api = new ApiClient(APP.getLocalPort());
    tenant = STACK.newTenant();
  }

  @Test
  void aContactIsMadeReadChangedAndDeleted() {
    ApiClient.Reply created =
        api.post(
            "/v1/contacts",
            tenant.apiKey(),
            """
            {"firstName":"Ada","lastName":"Lovelace","phoneNumber":"+15550142","email":"ada@example.com",
             "company":"Analytical","tags":["vip","uk"],"notes":"prefers mornings","metadata":{"crm":"42"}}
            """);

    assertThat(created.status()).isEqualTo(201);
    JsonNode contact = created.body();
    assertThat(contact.properties())
        .extracting(Map.Entry::getKey)
        .containsExactlyElementsOf(FIELDS);
    String id = contact.path("id").asText();
    assertThat(created.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/v1/contacts/" + id));
    assertThat(contact.path("tags").toString()).isEqualTo("[\"vip\",\"uk\"]");
    assertThat(contact.path("metadata").toString()).isEqualTo("{\"crm\":\"42\"}");
    assertThat(api.get("/v1/contacts/" + id, tenant.apiKey()).body()).isEqualTo(contact);

    ApiClient.Reply patched =
        api.patch(
            "/v1/contacts/" + id,
            tenant.apiKey(),
            "{\"company\":null,\"tags\":[\"gold\"],\"email\":\"ada@lovelace.org\"}");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.body().path("company").isNull()).isTrue();
    assertThat(patched.body().path("tags").toString()).isEqualTo("[\"gold\"]");
    assertThat(patched.body().path("email").asText()).isEqualTo("ada@lovelace.org");
    assertThat(patched.body().path("firstName").asText()).isEqualTo("Ada");
    assertThat(patched.body().path("metadata").toString()).isEqualTo("{\"crm\":\"42\"}");

    assertThat(api.delete("/v1/contacts/" + id, tenant.apiKey()).status()).isEqualTo(204);
    ProblemAssert.assertProblem(api.get("/v1/contacts/" + id, tenant.apiKey()), 404, "not-found");
    assertThat(api.get("/v1/contacts", tenant.apiKey()).body().path("data")).isEmpty();
    assertThat(
            STACK.count(
                "SELECT count(*) FROM contacts WHERE id = ? AND deleted_at IS NOT NULL",
                UUID.fromString(id)))
        .isEqualTo(1);
  }

  @Test
  void badContactsAreRefusedFieldByField() {
    ApiClient.Reply bad =
        api.post(
            "/v1/contacts",
            tenant.apiKey(),
            "{\"phoneNumber\":\"555\",\"email\":\"no-at-sign\",\"tags\":[\"\",3],\"metadata\":\"x\",\"nickname\":\"A\"}");

    ProblemAssert.assertProblem(bad, 422, "validation-error");
    assertThat(bad.body().path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder(
            "phoneNumber", "email", "tags[0]", "tags[1]", "metadata", "nickname");
    ProblemAssert.assertProblem(
        api.post("/v1/contacts", tenant.apiKey(), "{\"notes\":\"who?\"}"), 422, "validation-error");
    assertThat(STACK.count("SELECT count(*) FROM contacts WHERE tenant_id = ?", tenant.tenantId()))
        .isZero();
  }

  @Test
  void contactsArePagedNewestFirst() {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(
          0,
          api.post("/v1/contacts", tenant.apiKey(), "{\"firstName\":\"C" + i + "\"}")
              .body()
              .path("id")
              .asText());
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          api.get(
                  "/v1/contacts?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                  tenant.apiKey())
              .body();
      page.path("data").forEach(c -> seen.add(c.path("id").asText()));
      cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
    } while (cursor != null);

    assertThat(seen).containsExactlyElementsOf(made);
  }
}
