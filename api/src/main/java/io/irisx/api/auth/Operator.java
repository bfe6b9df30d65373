package io.irisx.api.auth;

import java.security.Principal;

/** The platform operator, authenticated by the operator key. */
public record Operator() implements Principal {
  @Override
  public String getName() {
    return "operator";
  }
}
