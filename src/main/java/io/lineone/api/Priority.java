package io.lineone.api;

/** Urgency of an issue, P1 the most urgent; it sets the SLA due times. */
public enum Priority {
    P1,
    P2,
    P3,
    P4
}
