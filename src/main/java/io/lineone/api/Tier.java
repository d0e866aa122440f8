package io.lineone.api;

/** Key account or small/medium enterprise. */
public enum Tier {
    KA,
    SME
}
