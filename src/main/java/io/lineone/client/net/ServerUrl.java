package io.lineone.client.net;

import okhttp3.HttpUrl;

/** Turns what a person types into the server's base URL, forgiving the usual slips. */
public final class ServerUrl {

    private static final String API_PATH = "/api/v1";

    private ServerUrl() {
    }

    /**
     * The canonical form to show and save: scheme, host, port, no trailing slash, no API path.
     * People paste {@code host:port}, a trailing slash or the API path itself; all mean the same server.
     */
    public static String normalize(String typed) throws BackendException {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw BackendException.invalidUrl(text);
        }
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            throw BackendException.invalidUrl(typed);
        }
        String path = url.encodedPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith(API_PATH)) {
            path = path.substring(0, path.length() - API_PATH.length());
        }
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        String base = url.scheme() + "://" + host;
        if (url.port() != HttpUrl.defaultPort(url.scheme())) {
            base += ":" + url.port();
        }
        return base + path;
    }

    /** The API root for a server URL in canonical form. */
    static HttpUrl apiRoot(String normalized) throws BackendException {
        HttpUrl url = HttpUrl.parse(normalized + API_PATH);
        if (url == null) {
            throw BackendException.invalidUrl(normalized);
        }
        return url;
    }
}
