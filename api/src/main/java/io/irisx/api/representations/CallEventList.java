package io.irisx.api.representations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A call's whole timeline, in order (a call has tens of entries: no paging). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CallEventList(List<CallEventView> data) {}
