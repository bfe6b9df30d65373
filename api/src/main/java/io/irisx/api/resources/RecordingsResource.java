package io.irisx.api.resources;

import io.dropwizard.auth.Auth;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.paging.ResourceIds;
import io.irisx.api.recordings.RecordingObjects;
import io.irisx.api.representations.RecordingView;
import io.irisx.db.RecordingDao;
import io.irisx.db.RecordingRow;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/recordings/{id}}: a recording's metadata with a presigned download URL, and its
 * deletion (the object, then the row marked deleted). Another tenant's recording is not found.
 */
@Path("/v1/recordings")
@Produces(MediaType.APPLICATION_JSON)
public final class RecordingsResource {
  private final RecordingDao recordings;
  private final @Nullable RecordingObjects objects;
  private final Duration urlExpiry;
  private final Clock clock;

  /**
   * {@code objects} null: no {@code recordings} configuration, so no URLs (and deletes keep
   * objects).
   */
  public RecordingsResource(
      Jdbi jdbi, @Nullable RecordingObjects objects, Duration urlExpiry, Clock clock) {
    this.recordings = jdbi.onDemand(RecordingDao.class);
    this.objects = objects;
    this.urlExpiry = urlExpiry;
    this.clock = clock;
  }

  @GET
  @Path("{id}")
  public RecordingView get(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    return view(find(tenant, id));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    RecordingRow row = find(tenant, id);
    if (row.s3Key() != null) {
      if (objects == null) {
        throw new IllegalStateException(
            "recordings are not configured: cannot delete " + row.s3Key());
      }
      objects.delete(row.s3Bucket(), row.s3Key());
    }
    recordings.markDeleted(row.id());
    return Response.noContent().build();
  }

  RecordingDao dao() {
    return recordings;
  }

  RecordingView view(RecordingRow row) {
    return RecordingView.of(
        row,
        "available".equals(row.status()) && objects != null
            ? objects.downloadUrl(row.s3Bucket(), row.s3Key())
            : null,
        clock.instant().plus(urlExpiry));
  }

  private RecordingRow find(AuthenticatedTenant tenant, String id) {
    return ResourceIds.parse(id)
        .flatMap(recordingId -> recordings.find(tenant.tenantId(), recordingId))
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.NOT_FOUND, "No recording " + ResourceIds.shown(id) + "."));
  }
}
