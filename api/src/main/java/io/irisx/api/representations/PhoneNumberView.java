package io.irisx.api.representations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.irisx.db.PhoneNumberRow;
import java.util.Map;

/** A phone number (DID) and the flow its inbound calls run, with that flow's parameters. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "id",
  "number",
  "friendlyName",
  "flow",
  "params",
  "status",
  "createdAt",
  "updatedAt"
})
public record PhoneNumberView(
    String id,
    String number,
    String friendlyName,
    String flow,
    Map<String, Object> params,
    String status,
    String createdAt,
    String updatedAt) {

  public static PhoneNumberView of(PhoneNumberRow row) {
    return new PhoneNumberView(
        row.id().toString(),
        row.number(),
        row.friendlyName(),
        row.flow(),
        JsonText.object(row.flowParamsJson()),
        row.status(),
        CallView.time(row.createdAt()),
        CallView.time(row.updatedAt()));
  }
}
