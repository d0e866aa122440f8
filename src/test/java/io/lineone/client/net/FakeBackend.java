package io.lineone.client.net;

import io.lineone.api.Health;
import io.lineone.api.Merchant;
import io.lineone.api.Page;
import io.lineone.api.Problem;
import io.lineone.api.Role;
import io.lineone.api.Session;
import io.lineone.api.Tier;
import io.lineone.api.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A backend in memory with one user and a book of merchants; a test may make any call fail next. */
public final class FakeBackend implements Backend {

    public static final String LOGIN = "li.na";
    public static final String PASSWORD = "correct horse";
    public static final User USER = new User("u-1", LOGIN, "李娜", Role.MANAGER);

    private final List<Merchant> book = new ArrayList<>();
    private BackendException nextFailure;
    private String token;
    public int signInCalls;
    public int signOutCalls;
    public String lastServerUrl;

    public FakeBackend withMerchants(List<Merchant> merchants) {
        book.clear();
        book.addAll(merchants);
        return this;
    }

    /** The next call throws this instead of answering. */
    public FakeBackend failNext(BackendException failure) {
        nextFailure = failure;
        return this;
    }

    public static BackendException status(int status) {
        return BackendException.problem("http://fake", new Problem(null, "HTTP " + status, status, null, List.of()));
    }

    public static BackendException unreachable() {
        return BackendException.unreachable("http://fake", new java.net.ConnectException("refused"));
    }

    private void maybeFail() throws BackendException {
        BackendException failure = nextFailure;
        nextFailure = null;
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Health health() throws BackendException {
        maybeFail();
        return new Health("UP", "0.1.0-test", "h2");
    }

    @Override
    public Session signIn(String serverUrl, String login, String password) throws BackendException {
        signInCalls++;
        lastServerUrl = serverUrl;
        maybeFail();
        if (!LOGIN.equals(login) || !PASSWORD.equals(password)) {
            throw status(401);
        }
        token = "t-" + signInCalls;
        return new Session(token, Instant.parse("2030-01-01T00:00:00Z"), USER);
    }

    @Override
    public void signOut() throws BackendException {
        signOutCalls++;
        token = null;
        maybeFail();
    }

    @Override
    public User me() throws BackendException {
        maybeFail();
        return USER;
    }

    @Override
    public Page<Merchant> merchants(String assigned, String q, Tier tier, String cursor, Integer limit)
            throws BackendException {
        maybeFail();
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int size = limit == null ? 50 : limit;
        int to = Math.min(book.size(), from + size);
        return new Page<>(List.copyOf(book.subList(from, to)), to < book.size() ? Integer.toString(to) : null);
    }

    @Override
    public Merchant merchant(String id) throws BackendException {
        maybeFail();
        return book.stream().filter(m -> Objects.equals(m.id(), id)).findFirst()
                .orElseThrow(() -> status(404));
    }
}
