package io.irisx.client;

import io.irisx.client.model.ApiKey;
import io.irisx.client.params.NewApiKeyParams;
import org.jspecify.annotations.Nullable;

/** The tenant's API keys. The answer of {@link #create} carries the key itself, once. */
public final class ApiKeys extends Resource {
  ApiKeys(Transport transport) {
    super(transport);
  }

  @ApiOperation("POST /v1/api-keys")
  public ApiKey create(NewApiKeyParams params) {
    return doPost("/v1/api-keys", params, ApiKey.class);
  }

  @ApiOperation("GET /v1/api-keys/{id}")
  public ApiKey get(String id) {
    return doGet("/v1/api-keys/" + segment(id), ApiKey.class);
  }

  @ApiOperation("GET /v1/api-keys")
  public Page<ApiKey> list(@Nullable Integer limit) {
    return page("/v1/api-keys", limit(limit), ApiKey.class);
  }

  public Page<ApiKey> list() {
    return list(null);
  }

  /** Revokes the key: requests with it answer 401 from now on. */
  @ApiOperation("DELETE /v1/api-keys/{id}")
  public void revoke(String id) {
    doDelete("/v1/api-keys/" + segment(id));
  }
}
