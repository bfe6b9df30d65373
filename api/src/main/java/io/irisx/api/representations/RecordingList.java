package io.irisx.api.representations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A call's recordings, oldest first (a handful per call: no paging). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RecordingList(List<RecordingView> data) {}
