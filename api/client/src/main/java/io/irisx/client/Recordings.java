package io.irisx.client;

import io.irisx.client.model.Recording;

/** Recordings: a presigned download URL, and deletion. A call's are in {@link Calls#recordings}. */
public final class Recordings extends Resource {
  Recordings(Transport transport) {
    super(transport);
  }

  @ApiOperation("GET /v1/recordings/{id}")
  public Recording get(String id) {
    return doGet("/v1/recordings/" + segment(id), Recording.class);
  }

  @ApiOperation("DELETE /v1/recordings/{id}")
  public void delete(String id) {
    doDelete("/v1/recordings/" + segment(id));
  }
}
