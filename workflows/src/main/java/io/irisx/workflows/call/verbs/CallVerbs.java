package io.irisx.workflows.call.verbs;

/**
 * The verbs of one call, over its {@link CallSession}; what the flow's {@link WorkflowCall} runs.
 */
record CallVerbs(
    AnswerVerb answer,
    PlayVerb play,
    GatherVerb gather,
    RecordVerb record,
    DialVerb dial,
    HangupVerb hangup,
    CallDetails details) {}
