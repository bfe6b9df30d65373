package io.irisx.api;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a reply is the RFC 9457 problem document docs/api.md's error table promises. */
public final class ProblemAssert {
  private ProblemAssert() {}

  public static void assertProblem(ApiClient.Reply reply, int status, String typeSuffix) {
    assertThat(reply.status()).as("status of %s", reply.raw().body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.body().path("type").asText()).endsWith("/" + typeSuffix);
    assertThat(reply.body().path("title").asText()).isNotBlank();
    assertThat(reply.body().path("status").asInt()).isEqualTo(status);
    assertThat(reply.body().path("detail").asText()).isNotBlank();
    assertThat(reply.body().path("instance").asText()).startsWith("/");
  }
}
