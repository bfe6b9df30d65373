package io.irisx.api.representations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.irisx.db.CallLogRow;

/** One entry of a call's timeline: what happened ({@code type}), the status it led to, when. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"sequence", "type", "status", "detail", "occurredAt"})
public record CallEventView(
    int sequence, String type, String status, String detail, String occurredAt) {
  public static CallEventView of(CallLogRow row) {
    return new CallEventView(
        row.sequence(),
        row.eventType(),
        row.status(),
        row.detail(),
        CallView.time(row.occurredAt()));
  }
}
