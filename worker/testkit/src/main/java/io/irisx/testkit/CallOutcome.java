package io.irisx.testkit;

import io.irisx.db.CallLogRow;
import io.irisx.db.CallRow;
import io.irisx.db.RecordingRow;
import io.irisx.workflows.call.CallResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A finished test call: the workflow's result, the CDR row and the timeline the real activities
 * wrote to PostgreSQL, what the caller heard and pressed, and how long the call took in virtual
 * time and in wall time.
 *
 * @param metadata the CDR's metadata (what the flow annotated), empty when none
 * @param callTime virtual time from the start of the workflow to the call's end (the CDR's endedAt)
 * @param wallTime real time the same took
 * @param recordings the call's {@code recordings} rows (each uploaded to the kit's S3, or failed)
 */
public record CallOutcome(
    CallResult result,
    CallRow cdr,
    Map<String, Object> metadata,
    List<CallLogRow> timeline,
    HeardCall heard,
    Duration callTime,
    Duration wallTime,
    List<RecordingRow> recordings) {

  /** The timeline's event types in order, e.g. {@code call.queued, call.originated, ...}. */
  public List<String> timelineTypes() {
    return timeline.stream().map(CallLogRow::eventType).toList();
  }
}
