package io.irisx.api.representations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One page of calls, newest first; {@code nextCursor} is null on the last page. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CallPage(List<CallView> data, String nextCursor) {}
