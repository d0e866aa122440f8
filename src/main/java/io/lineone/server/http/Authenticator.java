package io.lineone.server.http;

import io.javalin.http.Context;
import io.lineone.server.auth.AuthService;
import io.lineone.server.core.Caller;
import io.lineone.server.core.DomainException;
import java.util.Optional;

/** Turns an {@code Authorization: Bearer …} header into the caller, or answers 401. */
public final class Authenticator {

    private static final String BEARER = "Bearer ";

    private final AuthService auth;

    Authenticator(AuthService auth) {
        this.auth = auth;
    }

    Caller caller(Context ctx) {
        String token = token(ctx).orElseThrow(() -> DomainException.of(
                DomainException.Kind.UNAUTHENTICATED, "auth.noToken"));
        return auth.authenticate(token)
                .map(user -> new Caller(user, RequestIds.of(ctx)))
                .orElseThrow(() -> DomainException.of(
                        DomainException.Kind.UNAUTHENTICATED, "auth.badToken"));
    }

    static Optional<String> token(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).strip();
        return token.isEmpty() || token.length() > 256 ? Optional.empty() : Optional.of(token);
    }
}
