package io.irisx.client;

import io.irisx.client.model.PhoneNumber;
import io.irisx.client.params.NewPhoneNumberParams;
import io.irisx.client.params.PhoneNumberUpdate;
import org.jspecify.annotations.Nullable;

/** The tenant's phone numbers and the flows their inbound calls run. */
public final class PhoneNumbers extends Resource {
  PhoneNumbers(Transport transport) {
    super(transport);
  }

  @ApiOperation("POST /v1/phone-numbers")
  public PhoneNumber create(NewPhoneNumberParams params) {
    return doPost("/v1/phone-numbers", params, PhoneNumber.class);
  }

  @ApiOperation("GET /v1/phone-numbers/{id}")
  public PhoneNumber get(String id) {
    return doGet("/v1/phone-numbers/" + segment(id), PhoneNumber.class);
  }

  @ApiOperation("GET /v1/phone-numbers")
  public Page<PhoneNumber> list(@Nullable Integer limit) {
    return page("/v1/phone-numbers", limit(limit), PhoneNumber.class);
  }

  public Page<PhoneNumber> list() {
    return list(null);
  }

  @ApiOperation("PATCH /v1/phone-numbers/{id}")
  public PhoneNumber update(String id, PhoneNumberUpdate update) {
    return doPatch("/v1/phone-numbers/" + segment(id), update, PhoneNumber.class);
  }

  @ApiOperation("DELETE /v1/phone-numbers/{id}")
  public void delete(String id) {
    doDelete("/v1/phone-numbers/" + segment(id));
  }
}
