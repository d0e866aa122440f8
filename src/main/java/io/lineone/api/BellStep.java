package io.lineone.api;

/**
 * Body of a bell's step ({@code acknowledge}, {@code fixed}, {@code resolve}, {@code reopen}: an optional
 * {@code note}; {@code overrule}: a required {@code justification}). Either becomes a comment on the bell.
 */
public record BellStep(String note, String justification) {
}
