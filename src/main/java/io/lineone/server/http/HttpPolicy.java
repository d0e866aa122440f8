package io.lineone.server.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the HTTP layer allows a client: which browser origins may call it (none unless configured, since the
 * console is a desktop program and needs no CORS), how big a request's headers may be, and how long a slow or
 * silent client may hold a connection.
 *
 * @param corsOrigins        origins ({@code https://host[:port]}) a browser page may call the API from
 * @param idleTimeout        a connection with nothing sent or received for this long is closed; longer than the
 *                           event stream's 15 s heartbeat so open streams stay open
 * @param maxConnections     connections held at once; at the limit, idle ones are closed sooner and new ones wait
 * @param maxHeaderBytes     a request line and headers larger than this are refused with 431
 */
public record HttpPolicy(List<String> corsOrigins, Duration idleTimeout, int maxConnections, int maxHeaderBytes) {

    public static final HttpPolicy DEFAULT = new HttpPolicy(List.of(), Duration.ofSeconds(30), 4_096, 16 * 1024);

    public HttpPolicy {
        corsOrigins = List.copyOf(corsOrigins);
    }

    public HttpPolicy withCorsOrigins(List<String> origins) {
        return new HttpPolicy(origins, idleTimeout, maxConnections, maxHeaderBytes);
    }

    public HttpPolicy withIdleTimeout(Duration timeout) {
        return new HttpPolicy(corsOrigins, timeout, maxConnections, maxHeaderBytes);
    }

    public HttpPolicy withMaxConnections(int connections) {
        return new HttpPolicy(corsOrigins, idleTimeout, connections, maxHeaderBytes);
    }

    /**
     * Origins as an operator writes them, comma-separated ({@code https://ops.example.com, http://localhost:5173});
     * anything but a bare scheme, host and port is refused, so a typo cannot silently open the API to every site.
     */
    public static List<String> parseOrigins(String text) {
        List<String> origins = new ArrayList<>();
        for (String part : text.split(",")) {
            String origin = part.strip();
            if (origin.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = URI.create(origin);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + origin + "' is not an origin like https://ops.example.com");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = uri.getHost() != null && (uri.getPath() == null || uri.getPath().isEmpty())
                    && uri.getQuery() == null && uri.getFragment() == null && uri.getUserInfo() == null;
            if (!(scheme.equals("https") || scheme.equals("http")) || !bare) {
                throw new IllegalArgumentException("'" + origin + "' is not an origin like https://ops.example.com");
            }
            origins.add(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() >= 0 ? ":" + uri.getPort() : ""));
        }
        return origins;
    }
}
