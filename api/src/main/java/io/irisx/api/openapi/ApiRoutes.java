package io.irisx.api.openapi;

import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Every route registered with Jersey, read from its resource model: what the OpenAPI document and
 * the cross-tenant test walk, so a resource added later is covered without anyone listing it.
 */
public final class ApiRoutes {
  /** {@code {id: [0-9]+}} is {@code {id}} in a template. */
  private static final Pattern REGEX_IN_VARIABLE = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*:[^}]*}");

  private ApiRoutes() {}

  public static List<ApiRoute> of(ResourceConfig config) {
    List<ApiRoute> routes = new ArrayList<>();
    Stream.concat(
            config.getClasses().stream(), config.getInstances().stream().map(Object::getClass))
        .filter(type -> type.isAnnotationPresent(Path.class))
        .distinct()
        .forEach(type -> collect(Resource.from(type), "", routes));
    routes.sort(Comparator.comparing(ApiRoute::path).thenComparing(ApiRoute::httpMethod));
    return List.copyOf(routes);
  }

  private static void collect(Resource resource, String parentPath, List<ApiRoute> routes) {
    String path = join(parentPath, resource.getPath());
    for (ResourceMethod method : resource.getResourceMethods()) {
      routes.add(
          new ApiRoute(method.getHttpMethod(), path, method.getInvocable().getDefinitionMethod()));
    }
    for (Resource child : resource.getChildResources()) {
      collect(child, path, routes);
    }
  }

  private static String join(String parent, String path) {
    String joined = (parent + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
    joined = REGEX_IN_VARIABLE.matcher(joined).replaceAll("{$1}");
    return joined.length() > 1 && joined.endsWith("/")
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }
}
