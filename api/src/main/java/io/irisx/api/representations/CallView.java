package io.irisx.api.representations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irisx.api.Contract;
import io.irisx.db.CallRow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * A call as the API shows it everywhere: docs/api.md's field names, times in ISO-8601 UTC. {@code
 * from} is E.164, or {@code anonymous} for an inbound caller the node could not normalise; {@code
 * fromRaw} is an inbound caller's number as the network sent it (null for outbound calls).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "id",
  "direction",
  "from",
  "fromRaw",
  "to",
  "flow",
  "status",
  "nodeId",
  "createdAt",
  "ringingAt",
  "answeredAt",
  "endedAt",
  "durationSeconds",
  "billSeconds",
  "hangupCause",
  "hangupCauseCode",
  "sipCode",
  "hungUpBy",
  "metadata",
  "live",
  "queue"
})
public record CallView(
    String id,
    String direction,
    @JsonPropertyDescription(
            "the caller in E.164; for an inbound caller the node's rule could not normalise"
                + " (withheld, a SIP name), the marker 'anonymous'")
        String from,
    @JsonPropertyDescription(
            "an inbound caller's number as the network sent it, before normalisation"
                + " (e.g. 15557770001, 0201234567, anonymous); null for outbound calls")
        @Nullable String fromRaw,
    String to,
    String flow,
    String status,
    @Nullable String nodeId,
    String createdAt,
    @Nullable String ringingAt,
    @Nullable String answeredAt,
    @Nullable String endedAt,
    @Nullable Long durationSeconds,
    @Nullable Long billSeconds,
    @Nullable String hangupCause,
    @Nullable Integer hangupCauseCode,
    @Nullable Integer sipCode,
    @Nullable String hungUpBy,
    JsonNode metadata,
    @Nullable LiveCallView live,
    @Nullable QueueView queue) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Millisecond precision, always three digits, always {@code Z}. */
  private static final DateTimeFormatter UTC_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public static CallView of(CallRow row) {
    return new CallView(
        row.id().toString(),
        row.direction(),
        row.fromNumber(),
        row.fromRaw(),
        row.toNumber(),
        row.flow(),
        row.status(),
        row.nodeId(),
        time(row.createdAt()),
        time(row.ringingAt()),
        time(row.answeredAt()),
        time(row.endedAt()),
        row.durationSeconds(),
        row.billSeconds(),
        row.hangupCause(),
        row.hangupCauseCode(),
        row.sipCode(),
        row.hungUpBy(),
        metadata(row.metadataJson()),
        null,
        null);
  }

  /** This call with its workflow's live view ({@code GET /v1/calls/{id}} while the call is up). */
  public CallView withLive(@Nullable LiveCallView now) {
    return new CallView(
        id,
        direction,
        from,
        fromRaw,
        to,
        flow,
        status,
        nodeId,
        createdAt,
        ringingAt,
        answeredAt,
        endedAt,
        durationSeconds,
        billSeconds,
        hangupCause,
        hangupCauseCode,
        sipCode,
        hungUpBy,
        metadata,
        now,
        queue);
  }

  /** This call with its place in its tenant's queue (while it waits for a slot). */
  public CallView withQueue(@Nullable QueueView place) {
    return new CallView(
        id,
        direction,
        from,
        fromRaw,
        to,
        flow,
        status,
        nodeId,
        createdAt,
        ringingAt,
        answeredAt,
        endedAt,
        durationSeconds,
        billSeconds,
        hangupCause,
        hangupCauseCode,
        sipCode,
        hungUpBy,
        metadata,
        live,
        place);
  }

  /**
   * What the call's flow noted ({@code Call.annotate}), e.g. a reminder's answer; {} when nothing.
   */
  private static JsonNode metadata(@Nullable String json) {
    try {
      return json == null ? JSON.createObjectNode() : JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("calls.metadata is not JSON", e);
    }
  }

  @Contract("!null -> !null")
  static @Nullable String time(@Nullable Instant instant) {
    return instant == null ? null : UTC_MILLIS.format(instant);
  }
}
