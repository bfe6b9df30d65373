package io.irisx.workflows.flow;

import java.util.List;

/**
 * What checking a flow's params found: the problems, field by field, and every https media URL they
 * name (the API then puts each through the address policy, which resolves names: I/O no workflow
 * may do).
 */
public record CheckedParams(List<ParamProblem> problems, List<MediaUrl> mediaUrls) {
  /** An https media URL found at {@code field}. */
  public record MediaUrl(String field, Media media) {}

  public CheckedParams {
    problems = List.copyOf(problems);
    mediaUrls = List.copyOf(mediaUrls);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
