package io.lineone.api;

import java.time.Instant;

/**
 * A comment on a bell, or the note of one of its steps.
 *
 * @param step the step the note came with ({@code acknowledge}, {@code fixed}, {@code resolve}, {@code reopen},
 *             {@code overrule}); null for a plain comment
 */
public record BellComment(String authorId, String authorName, String text, String step, Instant at) {
}
