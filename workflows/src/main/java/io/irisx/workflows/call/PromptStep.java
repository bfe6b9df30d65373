package io.irisx.workflows.call;

/**
 * One prompt of a call.
 *
 * @param stepId unique within the call; set on the channel before the prompt is sent, so a retried
 *     step can tell that it already played
 */
public record PromptStep(String channelUuid, String stepId, String media) {}
