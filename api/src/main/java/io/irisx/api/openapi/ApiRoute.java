package io.irisx.api.openapi;

import java.lang.reflect.Method;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route of the API: an HTTP method on a path template such as {@code /v1/calls/{id}}, and the
 * Java method that serves it.
 */
public record ApiRoute(String httpMethod, String path, Method handler) {
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}/:]+)[^}]*}");

  /** The template's variables in order: {@code id} for {@code /v1/calls/{id}}. */
  public List<String> pathVariables() {
    Matcher matcher = VARIABLE.matcher(path);
    List<String> names = new java.util.ArrayList<>();
    while (matcher.find()) {
      names.add(matcher.group(1).strip());
    }
    return names;
  }

  public boolean isOperatorRoute() {
    return path.startsWith("/v1/admin/") || path.equals("/v1/admin");
  }

  @Override
  public String toString() {
    return httpMethod + " " + path;
  }
}
