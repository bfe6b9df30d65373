package io.irisx.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Part of a call waiting for a slot: its place in the tenant's queue and since when. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallQueuePosition(int position, String since) {}
