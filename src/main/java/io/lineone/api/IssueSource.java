package io.lineone.api;

/** Where an issue came from. */
public enum IssueSource {
    /** The merchant asked (consultation, ticket). */
    MERCHANT,
    /** A mispricing or cash-flow detector opened it. */
    DETECTOR,
    /** The merchant appealed a platform decision. */
    APPEAL,
    /** The self-service assistant could not answer and handed over. */
    ASSISTANT_ESCALATION
}
