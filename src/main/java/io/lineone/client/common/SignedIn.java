package io.lineone.client.common;

import io.lineone.api.Session;

/**
 * A session the console holds: who, on which server, and whether that server is the embedded
 * demo workspace (which the window says plainly, so nobody mistakes demo data for real).
 */
public record SignedIn(Session session, String serverUrl, boolean demo) {
}
