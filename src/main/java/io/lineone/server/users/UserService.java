package io.lineone.server.users;

import io.lineone.api.NewUser;
import io.lineone.api.Page;
import io.lineone.api.Problem.FieldError;
import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.server.audit.Audit;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.auth.PasswordHasher;
import io.lineone.server.auth.UserStore;
import io.lineone.server.core.Caller;
import io.lineone.server.core.Cursor;
import io.lineone.server.core.DomainException;
import io.lineone.server.core.Ids;
import io.lineone.server.core.Validation;
import io.lineone.server.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** Creating and listing users. */
public final class UserService {

    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    public static final int MIN_PASSWORD_LENGTH = 10;

    private final Database db;
    private final UserStore users;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(Database db, UserStore users, AuditLog audit, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.users = users;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
    }

    public User create(Caller caller, NewUser request) {
        caller.require(Role.ADMIN);
        return createUnchecked(caller, request);
    }

    /** For the bootstrap and the demo seed, which run before anyone can sign in; {@code caller} may be null. */
    public User createUnchecked(Caller caller, NewUser request) {
        validate(request);
        return createWithHash(caller, request, hasher.hash(request.password()));
    }

    /** Creates a user whose password hash was made already, so a seed of many users hashes once. */
    public User createWithHash(Caller caller, NewUser request, String passwordHash) {
        validate(request);
        User user = new User(Ids.next("usr"), request.login(), request.displayName().strip(), request.role());
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            if (users.loginExists(tx, user.login())) {
                throw new DomainException(DomainException.Kind.CONFLICT, "The login '" + user.login() + "' is taken.",
                        List.of(new FieldError("login", "is taken")));
            }
            users.insert(tx, user, passwordHash, now);
            audit.append(tx, Audit.entry(caller, "user.create", "user", user.id(), null, user, now));
            return user;
        });
    }

    public String hashPassword(String password, int iterations) {
        return hasher.hash(password, iterations);
    }

    /** Every account: the ADMIN's (a supervisor picks managers from {@code GET /team/managers} instead). */
    public Page<User> list(Caller caller, Role role, Cursor cursor, int limit) {
        caller.require(Role.ADMIN);
        List<User> rows = users.list(role, cursor.afterId(), limit + 1);
        return Cursor.page(rows, limit, User::id);
    }

    private static void validate(NewUser request) {
        Validation v = new Validation()
                .text("displayName", request.displayName(), 100)
                .required("role", request.role());
        if (request.login() == null || !LOGIN.matcher(request.login()).matches()) {
            v.add("login", "must be 2–64 characters of a–z, 0–9, '.', '_' or '-', starting with a letter or digit");
        }
        if (request.password() == null || request.password().length() < MIN_PASSWORD_LENGTH) {
            v.add("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        } else if (request.password().length() > 256) {
            v.add("password", "must be at most 256 characters");
        }
        v.throwIfInvalid();
    }
}
