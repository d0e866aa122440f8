package io.lineone.client.common;

import io.lineone.client.net.BackendException;

/** Turns any failure of a backend call into one clear sentence in the user's language. */
public final class ErrorMessages {

    private static final System.Logger LOG = System.getLogger(ErrorMessages.class.getName());

    private final Messages messages;

    public ErrorMessages(Messages messages) {
        this.messages = messages;
    }

    public String describe(Exception failure) {
        if (failure instanceof DemoStartException e) {
            return messages.format("error.demoStart", e.getMessage());
        }
        if (!(failure instanceof BackendException e)) {
            // A bug, not a condition the user can act on: log it for us, say something calm to them.
            LOG.log(System.Logger.Level.ERROR, "unexpected failure", failure);
            return messages.get("error.internal");
        }
        return switch (e.kind()) {
            case UNREACHABLE -> messages.format("error.unreachable", e.serverUrl());
            case INVALID_URL -> messages.get("error.invalidUrl");
            case UNEXPECTED_RESPONSE -> messages.format("error.unexpectedResponse", e.serverUrl());
            case PROBLEM -> byStatus(e);
            case STALE -> messages.get("error.stale");
        };
    }

    private String byStatus(BackendException e) {
        int status = e.status();
        return switch (status) {
            case 401 -> messages.get("error.sessionExpired");
            case 403 -> messages.get("error.forbidden");
            case 404 -> messages.get("error.notFound");
            case 409 -> messages.get("error.conflict");
            case 429 -> messages.get("error.tooManyAttempts");
            default -> status >= 500
                    ? messages.format("error.server", String.valueOf(status))
                    : messages.format("error.rejected", String.valueOf(status));
        };
    }
}
