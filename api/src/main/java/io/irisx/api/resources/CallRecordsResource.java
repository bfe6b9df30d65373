package io.irisx.api.resources;

import io.dropwizard.auth.Auth;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.calls.CallListFilters;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.paging.ResourceIds;
import io.irisx.api.representations.CallEventList;
import io.irisx.api.representations.CallEventView;
import io.irisx.api.representations.RecordingList;
import io.irisx.db.CallDao;
import io.irisx.db.CallFilter;
import io.irisx.db.CallLogDao;
import io.irisx.db.CallSearch;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * A call's records beside {@link CallsResource} (same {@code /v1/calls} root, merged by Jersey):
 * its timeline, its recordings, and the CSV export of CDRs. Every read is the caller's tenant's.
 */
@Path("/v1/calls")
@Produces(MediaType.APPLICATION_JSON)
public final class CallRecordsResource {
  private final CallDao calls;
  private final CallLogDao logs;
  private final CallSearch search;
  private final RecordingsResource recordings;
  private final Clock clock;

  public CallRecordsResource(Jdbi jdbi, RecordingsResource recordings, Clock clock) {
    this.calls = jdbi.onDemand(CallDao.class);
    this.logs = jdbi.onDemand(CallLogDao.class);
    this.search = new CallSearch(jdbi);
    this.recordings = recordings;
    this.clock = clock;
  }

  @GET
  @Path("{id}/events")
  public CallEventList events(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    UUID callId = requireCall(tenant, id);
    return new CallEventList(
        logs.list(tenant.tenantId(), callId).stream().map(CallEventView::of).toList());
  }

  @GET
  @Path("{id}/recordings")
  public RecordingList recordings(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    UUID callId = requireCall(tenant, id);
    return new RecordingList(
        recordings.dao().listForCall(tenant.tenantId(), callId).stream()
            .map(recordings::view)
            .toList());
  }

  /**
   * CDRs as CSV, oldest first, streamed as they are read (a few hundred rows in memory at a time):
   * {@code from} (inclusive) and {@code to} (exclusive) are ISO-8601 times of the calls' creation;
   * {@code status}, {@code direction} and {@code flow} filter further.
   */
  @GET
  @Path("export")
  @Produces("text/csv")
  public Response export(
      @Auth AuthenticatedTenant tenant,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("status") String status,
      @QueryParam("direction") String direction,
      @QueryParam("flow") String flow) {
    CallFilter filter =
        CallListFilters.parse(
            tenant.tenantId(), status, direction, null, null, flow, "from", from, "to", to);
    StreamingOutput body =
        output -> {
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
          writer.write(CdrCsv.HEADER);
          try {
            search.exportOldestFirst(
                filter,
                row -> {
                  try {
                    writer.write(CdrCsv.line(row));
                  } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
          writer.flush();
        };
    String name = "calls-" + CdrCsv.FILE_TIME.format(clock.instant()) + ".csv";
    return Response.ok(body, "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }

  private UUID requireCall(AuthenticatedTenant tenant, String id) {
    return ResourceIds.parse(id)
        .filter(callId -> calls.find(tenant.tenantId(), callId).isPresent())
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.NOT_FOUND, "No call " + ResourceIds.shown(id) + "."));
  }
}
