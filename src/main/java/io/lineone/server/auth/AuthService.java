package io.lineone.server.auth;

import io.lineone.api.Role;
import io.lineone.api.Session;
import io.lineone.api.User;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.core.Caller;
import io.lineone.server.core.DomainException;
import io.lineone.server.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Sign-in, token checks and sign-out, with login throttling. */
public final class AuthService {

    public static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
    public static final int MAX_FAILURES = 5;
    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

    private final Database db;
    private final UserStore users;
    private final TokenStore tokens;
    private final LoginFailureStore failures;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Clock clock;

    public AuthService(Database db, UserStore users, TokenStore tokens, LoginFailureStore failures, AuditLog audit,
                       PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.users = users;
        this.tokens = tokens;
        this.failures = failures;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Checks a login and password and issues a token.
     *
     * @throws DomainException UNAUTHENTICATED for a wrong login or password (the same answer for both),
     *                         TOO_MANY_REQUESTS after {@value #MAX_FAILURES} failures within the window
     */
    public Session signIn(String login, String password, String requestId) {
        Instant now = clock.instant();
        if (failures.countSince(login, now.minus(FAILURE_WINDOW)) >= MAX_FAILURES) {
            throw DomainException.of(DomainException.Kind.TOO_MANY_REQUESTS, "auth.tooManyFailures",
                    FAILURE_WINDOW.toMinutes());
        }
        Optional<UserStore.Credentials> credentials = users.credentials(login);
        boolean valid;
        if (credentials.isPresent()) {
            valid = hasher.verify(password, credentials.get().passwordHash());
        } else {
            hasher.verifyNothing(password);
            valid = false;
        }
        if (!valid) {
            failures.record(login, now);
            throw DomainException.of(DomainException.Kind.UNAUTHENTICATED, "auth.wrongPassword");
        }
        User user = credentials.get().user();
        String token = Tokens.newToken();
        Instant expiresAt = now.plus(TOKEN_LIFETIME);
        db.inTransaction(tx -> {
            tokens.insert(tx, Tokens.hash(token), user.id(), now, expiresAt);
            audit.append(tx, new AuditLog.Entry(user.id(), "session.create", "user", user.id(),
                    null, null, requestId, now));
            return null;
        });
        return new Session(token, expiresAt, user);
    }

    /** The user behind a live token. */
    public Optional<User> authenticate(String token) {
        return tokens.activeUser(Tokens.hash(token), clock.instant());
    }

    public void signOut(Caller caller, String token) {
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            if (tokens.revoke(tx, Tokens.hash(token), now)) {
                audit.append(tx, new AuditLog.Entry(caller.id(), "session.revoke", "user", caller.id(),
                        null, null, caller.requestId(), now));
            }
            return null;
        });
    }

    /** Signs the caller out on every device: each of their live tokens, this request's too, stops working. */
    public int signOutEverywhere(Caller caller) {
        return revokeAll(caller, caller.id());
    }

    /**
     * An ADMIN ends every session of a user (a lost laptop, a leaver): their tokens stop working at once, open
     * event streams included, and they must sign in again.
     *
     * @throws DomainException FORBIDDEN for anyone but an ADMIN, NOT_FOUND for an unknown user
     */
    public int revokeSessionsOf(Caller caller, String userId) {
        caller.require(Role.ADMIN);
        users.find(userId).orElseThrow(() -> DomainException.notFound("user", userId));
        return revokeAll(caller, userId);
    }

    private int revokeAll(Caller caller, String userId) {
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            int revoked = tokens.revokeAll(tx, userId, now);
            audit.append(tx, new AuditLog.Entry(caller.id(), "session.revokeAll", "user", userId,
                    null, null, caller.requestId(), now));
            return revoked;
        });
    }
}
