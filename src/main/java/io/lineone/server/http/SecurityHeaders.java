package io.lineone.server.http;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Headers every answer carries. The API serves JSON to programs, never pages, so nothing it sends should be
 * rendered, framed, sniffed into another type, cached on a shared machine or sent on as a referrer.
 */
final class SecurityHeaders {

    static final Map<String, String> ALL = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");

    private SecurityHeaders() {
    }

    static void addTo(BiConsumer<String, String> headers) {
        ALL.forEach(headers);
    }
}
