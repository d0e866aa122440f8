package io.lineone.api;

/** Whether buyers can buy a listing. */
public enum ListingStatus {
    LIVE,
    DELISTED
}
