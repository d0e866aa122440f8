package io.lineone.api;

/** Where a reply is on its way to the merchant: waiting in the outbox, or acknowledged by the connector. */
public enum DeliveryStatus {
    PENDING,
    DELIVERED
}
