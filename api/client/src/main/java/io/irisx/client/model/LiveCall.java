package io.irisx.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.irisx.client.ApiSchema;

/**
 * A live call's state, as its workflow reports it; a live play's answer adds how it was played
 * ({@code playMode}) and whether it waits behind the flow's prompt ({@code queued}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@ApiSchema("LiveCall")
public record LiveCall(
    String status,
    String flow,
    boolean answered,
    boolean ended,
    String nodeId,
    String hangupCause,
    String playMode,
    Boolean queued) {}
