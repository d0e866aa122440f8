package io.lineone.client.common;

import io.lineone.api.Problem;
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

    /** With the id the server logged the failure under, so whoever looks into it finds it at once. */
    private String serverError(BackendException e) {
        String status = String.valueOf(e.status());
        return e.problem().map(Problem::requestId).filter(id -> !id.isBlank())
                .map(id -> messages.format("error.serverWithId", status, id))
                .orElseGet(() -> messages.format("error.server", status));
    }

    private String byStatus(BackendException e) {
        int status = e.status();
        String general = switch (status) {
            case 401 -> messages.get("error.sessionExpired");
            case 403 -> messages.get("error.forbidden");
            case 404 -> messages.get("error.notFound");
            case 409 -> messages.get("error.conflict");
            case 422 -> messages.get("error.unprocessable");
            case 429 -> messages.get("error.tooManyAttempts");
            default -> status >= 500 ? serverError(e) : messages.format("error.rejected", String.valueOf(status));
        };
        // Refusals of a state or a party say exactly which (who owns the release, what state the bell is in): the
        // general sentence alone would leave the user guessing what to do instead.
        String detail = e.problem().map(Problem::detail).orElse(null);
        boolean specific = status == 400 || status == 403 || status == 404 || status == 409 || status == 422;
        return specific && detail != null && !detail.isBlank()
                ? messages.format("error.withDetail", general, detail.strip())
                : general;
    }
}
