package io.irisx.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.irisx.client.ApiSchema;

/** A live call's state, as its workflow reports it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@ApiSchema("LiveCall")
public record LiveCall(
    String status,
    String flow,
    boolean answered,
    boolean ended,
    String nodeId,
    String hangupCause) {}
