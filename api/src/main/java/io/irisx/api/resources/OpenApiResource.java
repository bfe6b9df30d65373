package io.irisx.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.irisx.api.openapi.ApiRoutes;
import io.irisx.api.openapi.OpenApiDocument;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.atomic.AtomicReference;
import org.glassfish.jersey.server.ResourceConfig;

/** {@code /v1/openapi.json}: the API's OpenAPI 3.1 document; public (no key). */
@Path("/v1/openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public final class OpenApiResource {
  private final ResourceConfig resources;
  private final AtomicReference<JsonNode> document = new AtomicReference<>();

  /** {@code resources}: the application's Jersey configuration, read when first asked. */
  public OpenApiResource(ResourceConfig resources) {
    this.resources = resources;
  }

  @GET
  public JsonNode get() {
    // Built on first use: every resource is registered by then, whatever the registration order.
    return document.updateAndGet(
        built ->
            built != null
                ? built
                : OpenApiDocument.build(ApiRoutes.of(resources), OpenApiDocument.catalogue()));
  }
}
