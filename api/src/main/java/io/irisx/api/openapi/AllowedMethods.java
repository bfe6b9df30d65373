package io.irisx.api.openapi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code Allow} value (RFC 9110) for a request path: the methods of the API's routes whose
 * template matches it, with {@code HEAD} beside {@code GET} and {@code OPTIONS}, as Jersey serves
 * them; empty for a path no route serves. For the answers Jersey does not write itself (a method
 * Jetty refuses before routing).
 */
public final class AllowedMethods implements Function<String, String> {
  private record Template(Pattern path, String method) {}

  private final Supplier<List<ApiRoute>> routes;
  private final AtomicReference<List<Template>> templates = new AtomicReference<>();

  /** {@code routes}: read on first use, once every resource is registered. */
  public AllowedMethods(Supplier<List<ApiRoute>> routes) {
    this.routes = routes;
  }

  @Override
  public String apply(String path) {
    Set<String> methods = new LinkedHashSet<>();
    for (Template template : templates()) {
      if (template.path().matcher(path).matches()) {
        methods.add(template.method());
        if (template.method().equals("GET")) {
          methods.add("HEAD");
        }
      }
    }
    if (!methods.isEmpty()) {
      methods.add("OPTIONS");
    }
    return String.join(", ", methods);
  }

  private List<Template> templates() {
    return templates.updateAndGet(
        built ->
            built != null
                ? built
                : routes.get().stream()
                    .map(route -> new Template(regex(route.path()), route.httpMethod()))
                    .toList());
  }

  private static Pattern regex(String template) {
    String[] literals = template.split("\\{[^}]+}", -1);
    StringBuilder regex = new StringBuilder(Pattern.quote(literals[0]));
    for (int i = 1; i < literals.length; i++) {
      regex.append("[^/]+").append(Pattern.quote(literals[i]));
    }
    return Pattern.compile(regex + "/?");
  }
}
