package io.irisx.workflows.call;

/**
 * One attempt of a gather, carried out on the node.
 *
 * @param stepId unique within the call (see {@link PromptStep#stepId()})
 * @param prompt what to play first, cut short by the first key; null for none
 * @param overallMillis the most the attempt may take, prompt included
 */
public record GatherStep(
    String channelUuid,
    String stepId,
    String prompt,
    int maxDigits,
    String terminators,
    long firstDigitMillis,
    long interDigitMillis,
    long overallMillis) {}
