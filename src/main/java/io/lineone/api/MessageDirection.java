package io.lineone.api;

/** Which way a message of an issue's conversation went: from the merchant to us, or from us to the merchant. */
public enum MessageDirection {
    /** The merchant's message, posted by the marketplace feed. */
    INBOUND,
    /** A reply by the manager or a supervisor; it leaves through the outbox. */
    OUTBOUND
}
