package io.lineone.api;

import java.util.Map;

/**
 * What a fix would do: {@code before} and {@code after} hold only the fields it changes, by their wire names
 * ({@code status}, {@code priceCents}, {@code stackable}, {@code weightUnit}, {@code weightValue},
 * {@code autoDeductionPaused}); {@code targetVersion} is what {@code POST /fixes} must send back.
 */
public record FixPreview(
        FixKind kind,
        String targetId,
        String issueId,
        String merchantId,
        Map<String, Object> before,
        Map<String, Object> after,
        long lossAvertedCents,
        long targetVersion) {
}
