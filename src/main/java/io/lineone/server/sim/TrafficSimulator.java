package io.lineone.server.sim;

import io.lineone.api.Issue;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Merchant;
import io.lineone.api.NewIssue;
import io.lineone.api.User;
import io.lineone.server.auth.UserStore;
import io.lineone.server.auth.Visibility;
import io.lineone.server.core.Caller;
import io.lineone.server.core.DomainException;
import io.lineone.server.core.IfMatch;
import io.lineone.server.issues.IssueService;
import io.lineone.server.issues.IssueStore;
import io.lineone.server.merchants.MerchantStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live traffic for the demo workspace: the marketplace feed posts issues for every manager's merchants at a
 * few a minute each, and the other managers work their queues (acknowledge, start, wait for the merchant,
 * resolve with a root cause) — so the console's queue moves while its user watches. The signed-in demo
 * manager's own issues are left to them, except that merchants answer when asked (WAITING_MERCHANT → back to
 * IN_PROGRESS). Runs on one daemon thread until {@link #close()}.
 */
public final class TrafficSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficSimulator.class);
    /** Issues posted per manager per minute, on average. */
    static final double ISSUES_PER_MINUTE = 3;
    /** Moves per other manager per minute, on average: a little above intake, so their queues stay short. */
    static final double MOVES_PER_MINUTE = 4;
    /** No more posting for a manager with this many open issues: the demo queue stays readable. */
    static final int OPEN_CAP = 40;

    private record Book(Caller manager, List<Merchant> merchants) {
    }

    private final IssueService issues;
    private final IssueStore issueStore;
    private final Caller feed;
    private final List<Book> books;
    private final String demoManagerId;
    private final List<String> releasesInRollout;
    private final Random random = new Random();
    private final ScheduledExecutorService scheduler;
    private final double tickMinutes;

    private TrafficSimulator(IssueService issues, IssueStore issueStore, Caller feed, List<Book> books,
                             String demoManagerId, List<String> releasesInRollout, Duration tick, double speed) {
        this.tickMinutes = tick.toMillis() / 60_000.0 * speed;
        this.issues = issues;
        this.issueStore = issueStore;
        this.feed = feed;
        this.books = books;
        this.demoManagerId = demoManagerId;
        this.releasesInRollout = List.copyOf(releasesInRollout);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lineone-simulator");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the simulator at real-life rates, or returns empty if there is no demo workspace to simulate. Now and
     * then a posted issue names one of {@code releasesInRollout}, so the impact of a release moves.
     */
    public static Optional<TrafficSimulator> start(IssueService issues, IssueStore issueStore,
                                                   MerchantStore merchants, UserStore users,
                                                   List<String> releasesInRollout) {
        return start(issues, issueStore, merchants, users, releasesInRollout, Duration.ofSeconds(1), 1);
    }

    /**
     * Starts the simulator with a tick of its own, at {@code speed} times the real-life rates (a test's fast
     * forward).
     */
    public static Optional<TrafficSimulator> start(IssueService issues, IssueStore issueStore,
                                                   MerchantStore merchants, UserStore users,
                                                   List<String> releasesInRollout, Duration tick, double speed) {
        Optional<Caller> feed = caller(users, DemoWorkspace.FEED_LOGIN);
        List<Book> books = books(merchants, users);
        if (feed.isEmpty() || books.isEmpty()) {
            LOG.info("no demo workspace in this database: the traffic simulator stays off");
            return Optional.empty();
        }
        String demoManagerId = caller(users, DemoWorkspace.MANAGER_LOGIN).map(Caller::id).orElse(null);
        TrafficSimulator simulator = new TrafficSimulator(issues, issueStore, feed.get(), books, demoManagerId,
                releasesInRollout, tick, speed);
        simulator.scheduler.scheduleWithFixedDelay(simulator::tickSafely, tick.toMillis(), tick.toMillis(),
                TimeUnit.MILLISECONDS);
        return Optional.of(simulator);
    }

    /** Seeds two to five open issues per manager, opened within the last hour and a half, some acknowledged. */
    public static void seed(IssueService issues, MerchantStore merchants, UserStore users, Clock clock) {
        Optional<Caller> feed = caller(users, DemoWorkspace.FEED_LOGIN);
        if (feed.isEmpty()) {
            return;
        }
        Random random = new Random(1111);
        for (Book book : books(merchants, users)) {
            int count = 2 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                Merchant merchant = book.merchants().get(random.nextInt(book.merchants().size()));
                NewIssue request = DemoIssues.next(random, merchant);
                Issue issue = issues.createUnchecked(feed.get(), request,
                        clock.instant().minusSeconds(30 + random.nextInt(90 * 60)));
                if (random.nextInt(3) == 0) {
                    issues.patch(book.manager(), issue.id(), new IssuePatch(IssueStatus.ACKNOWLEDGED, "已联系商家，正在核实。", null),
                            new IfMatch(false, List.of(issue.version())));
                }
            }
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // A simulated actor losing a race (412, 409) or anything else must not stop the traffic.
            LOG.debug("simulator step failed: {}", e.toString());
        }
    }

    /** One tick of traffic: each arrival or move happens with the probability of its rate over a tick. */
    private void tick() {
        for (Book book : books) {
            if (random.nextDouble() < ISSUES_PER_MINUTE * tickMinutes) {
                post(book);
            }
            boolean isDemoUser = book.manager().id().equals(demoManagerId);
            if (random.nextDouble() < (isDemoUser ? 1.0 : MOVES_PER_MINUTE) * tickMinutes) {
                move(book, isDemoUser);
            }
        }
    }

    private void post(Book book) {
        if (issueStore.openOfManager(book.manager().id(), OPEN_CAP + 1).size() > OPEN_CAP) {
            return;
        }
        Merchant merchant = book.merchants().get(random.nextInt(book.merchants().size()));
        NewIssue issue = DemoIssues.next(random, merchant);
        if (!releasesInRollout.isEmpty() && random.nextInt(6) == 0) {
            issue = new NewIssue(issue.merchantId(), issue.category(), issue.source(), issue.priority(), issue.title(),
                    issue.description(), issue.listingId(),
                    releasesInRollout.get(random.nextInt(releasesInRollout.size())), issue.moneyAtRiskCents());
        }
        issues.create(feed, issue);
    }

    private void move(Book book, boolean isDemoUser) {
        List<IssueStore.Row> open = issueStore.openOfManager(book.manager().id(), 100);
        if (isDemoUser) {
            // The merchant answers a question the demo user asked them.
            open.stream().filter(r -> r.state().status() == IssueStatus.WAITING_MERCHANT).findFirst()
                    .ifPresent(r -> patch(feed, r, IssueStatus.IN_PROGRESS, "商家已回复并补充了材料。"));
            return;
        }
        if (open.isEmpty()) {
            return;
        }
        IssueStore.Row row = open.get(random.nextInt(open.size()));
        Caller manager = book.manager();
        switch (row.state().status()) {
            case NEW -> patch(manager, row, random.nextInt(4) == 0 ? IssueStatus.IN_PROGRESS : IssueStatus.ACKNOWLEDGED,
                    "已收到，正在处理。");
            case ACKNOWLEDGED -> patch(manager, row, IssueStatus.IN_PROGRESS, null);
            case IN_PROGRESS -> {
                if (random.nextInt(4) == 0) {
                    patch(manager, row, IssueStatus.WAITING_MERCHANT, "已请商家确认并补充信息。");
                } else {
                    resolve(manager, row);
                }
            }
            case WAITING_MERCHANT -> {
                if (random.nextBoolean()) {
                    patch(feed, row, IssueStatus.IN_PROGRESS, "商家已回复。");
                } else {
                    resolve(manager, row);
                }
            }
            case RESOLVED -> { }
        }
    }

    private void resolve(Caller actor, IssueStore.Row row) {
        issues.patch(actor, row.id(), new IssuePatch(IssueStatus.RESOLVED, "已处理完毕。",
                DemoIssues.rootCause(random, row.category())), new IfMatch(false, List.of(row.state().version())));
    }

    private void patch(Caller actor, IssueStore.Row row, IssueStatus status, String note) {
        try {
            issues.patch(actor, row.id(), new IssuePatch(status, note, null),
                    new IfMatch(false, List.of(row.state().version())));
        } catch (DomainException e) {
            LOG.debug("simulated move of {} refused: {}", row.id(), e.getMessage());
        }
    }

    private static List<Book> books(MerchantStore merchants, UserStore users) {
        List<Book> books = new ArrayList<>();
        for (String login : DemoWorkspace.managerLogins()) {
            caller(users, login).ifPresent(manager -> {
                List<Merchant> own = merchants.list(
                        new MerchantStore.Query(Visibility.bookOf(manager.id()), null, null, null, null, 500));
                if (!own.isEmpty()) {
                    books.add(new Book(manager, own));
                }
            });
        }
        return books;
    }

    private static Optional<Caller> caller(UserStore users, String login) {
        return users.credentials(login).map(UserStore.Credentials::user)
                .map((User user) -> new Caller(user, "sim-" + login));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the traffic simulator did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
