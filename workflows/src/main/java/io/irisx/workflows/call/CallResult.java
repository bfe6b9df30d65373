package io.irisx.workflows.call;

/** How a call ended: the workflow's result, shown to operators in the Temporal UI. */
public record CallResult(String callId, CallStatus status, String hangupCause, long billSeconds) {}
