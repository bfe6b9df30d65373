package io.irisx.client;

import io.irisx.client.model.Call;
import io.irisx.client.model.CallEvent;
import io.irisx.client.model.LiveCall;
import io.irisx.client.model.Recording;
import io.irisx.client.params.DtmfParams;
import io.irisx.client.params.HangupParams;
import io.irisx.client.params.ListCallsParams;
import io.irisx.client.params.PlayParams;
import io.irisx.client.params.RedirectParams;
import io.irisx.client.params.StartCallParams;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Calls: start one, list and read them, steer a live one. */
public final class Calls extends Resource {
  /** The statuses a call ends in. */
  public static final Set<String> FINAL_STATUSES =
      Set.of("completed", "busy", "no-answer", "failed", "canceled");

  Calls(Transport transport) {
    super(transport);
  }

  /** Starts a call (201, status queued); retried safely with the same Idempotency-Key. */
  @ApiOperation("POST /v1/calls")
  public Call start(StartCallParams params) {
    return doPost("/v1/calls", params, Call.class);
  }

  /** As {@link #start}, with the answer's status and headers. */
  public ApiResponse<Call> startWithResponse(StartCallParams params) {
    return send("POST", "/v1/calls", params, Call.class);
  }

  @ApiOperation("GET /v1/calls/{id}")
  public Call get(String id) {
    return doGet("/v1/calls/" + segment(id), Call.class);
  }

  /** The first page of calls, newest first; {@link Page#autoPager()} walks them all. */
  @ApiOperation("GET /v1/calls")
  public Page<Call> list(ListCallsParams params) {
    return page("/v1/calls", params.query(), Call.class);
  }

  public Page<Call> list() {
    return list(ListCallsParams.NONE);
  }

  /** The CDRs of the calls matching {@code params} (limit aside) as CSV. */
  @ApiOperation("GET /v1/calls/export")
  public String exportCsv(ListCallsParams params) {
    Map<String, String> query = new LinkedHashMap<>();
    putIf(query, "status", params.status());
    putIf(query, "direction", params.direction());
    putIf(query, "flow", params.flow());
    putIf(query, "from", params.createdFrom());
    putIf(query, "to", params.createdTo());
    return bodyOf(
        send("GET", "/v1/calls/export", query, null, String.class), "GET", "/v1/calls/export");
  }

  @ApiOperation("GET /v1/calls/{id}/events")
  public List<CallEvent> events(String id) {
    return list("/v1/calls/" + segment(id) + "/events", CallEvent.class);
  }

  @ApiOperation("GET /v1/calls/{id}/recordings")
  public List<Recording> recordings(String id) {
    return list("/v1/calls/" + segment(id) + "/recordings", Recording.class);
  }

  @ApiOperation("POST /v1/calls/{id}/hangup")
  public LiveCall hangup(String id, HangupParams params) {
    return doPost("/v1/calls/" + segment(id) + "/hangup", params, LiveCall.class);
  }

  public LiveCall hangup(String id) {
    return hangup(id, HangupParams.builder().build());
  }

  @ApiOperation("POST /v1/calls/{id}/play")
  public LiveCall play(String id, PlayParams params) {
    return doPost("/v1/calls/" + segment(id) + "/play", params, LiveCall.class);
  }

  @ApiOperation("POST /v1/calls/{id}/dtmf")
  public LiveCall sendDtmf(String id, DtmfParams params) {
    return doPost("/v1/calls/" + segment(id) + "/dtmf", params, LiveCall.class);
  }

  @ApiOperation("POST /v1/calls/{id}/redirect")
  public LiveCall redirect(String id, RedirectParams params) {
    return doPost("/v1/calls/" + segment(id) + "/redirect", params, LiveCall.class);
  }

  /**
   * Polls the call every {@code every} until it has ended (one of {@link #FINAL_STATUSES}) and
   * returns it; throws {@link IllegalStateException} when {@code timeout} passes first.
   */
  public Call awaitEnded(String id, Duration timeout, Duration every) {
    Instant giveUp = Instant.now().plus(timeout);
    while (true) {
      Call call = get(id);
      if (FINAL_STATUSES.contains(call.status())) {
        return call;
      }
      if (Instant.now().isAfter(giveUp)) {
        throw new IllegalStateException(
            "call " + id + " is still " + call.status() + " after " + timeout);
      }
      try {
        Thread.sleep(every);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for call " + id, e);
      }
    }
  }

  private static void putIf(Map<String, String> query, String name, @Nullable Object value) {
    if (value != null) {
      query.put(name, value.toString());
    }
  }
}
