package io.lineone.server.sim;

import io.lineone.api.Issue;
import io.lineone.api.IssueMessage;
import io.lineone.api.MessageDirection;
import io.lineone.api.NewMessage;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Merchant;
import io.lineone.api.NewIssue;
import io.lineone.api.User;
import io.lineone.server.auth.UserStore;
import io.lineone.server.auth.Visibility;
import io.lineone.server.conversation.ConversationService;
import io.lineone.server.core.Caller;
import io.lineone.server.core.Cursor;
import io.lineone.server.core.DomainException;
import io.lineone.server.core.IfMatch;
import io.lineone.server.issues.IssueService;
import io.lineone.server.issues.IssueStore;
import io.lineone.server.merchants.MerchantStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
 * IN_PROGRESS). Merchants write now and then on their open issues, and the feed plays the marketplace connector:
 * it delivers the replies waiting in the outbox a moment after they are sent, and sometimes the merchant answers
 * a reply a few seconds later — so the demo conversation is alive. Runs on one daemon thread until {@link #close()}.
 */
public final class TrafficSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficSimulator.class);
    /** Issues posted per manager per minute, on average. */
    static final double ISSUES_PER_MINUTE = 3;
    /** Moves per other manager per minute, on average: a little above intake, so their queues stay short. */
    static final double MOVES_PER_MINUTE = 4;
    /** No more posting for a manager with this many open issues: the demo queue stays readable. */
    static final int OPEN_CAP = 40;
    /** Merchant messages per manager per minute, on average, on an open issue of theirs. */
    static final double MESSAGES_PER_MINUTE = 1.5;
    /** How long a reply waits in the outbox before the simulated connector delivers it: long enough to be seen. */
    static final Duration DELIVERY_DELAY = Duration.ofMillis(1500);
    /** How long after a delivered reply the merchant answers, when they do. */
    static final Duration FOLLOW_UP_DELAY = Duration.ofSeconds(6);

    private static final String[] MERCHANT_MESSAGES = {
        "您好，这个问题比较急，麻烦尽快帮忙看一下。", "请问现在处理到哪一步了？", "我这边已经有买家在催了，能不能先帮忙处理？",
        "补充一下：订单截图已经上传到后台了。", "Hi, any update on this? Buyers keep asking.",
    };
    private static final String[] FOLLOW_UPS = {
        "好的，谢谢，我这就去改。", "收到，已经按您说的处理了，麻烦再帮忙确认一下。", "明白了，辛苦！", "Thanks, done — please check again.",
    };

    private record Book(Caller manager, List<Merchant> merchants) {
    }

    private final IssueService issues;
    private final ConversationService conversation;
    private final IssueStore issueStore;
    private final Caller feed;
    private final List<Book> books;
    private final String demoManagerId;
    private final List<String> releasesInRollout;
    private final Random random = new Random();
    /**
     * How long the demo's live traffic (and the feed's first listings) wait after the backend starts: the console's
     * first table needs the machine's cores more than the first simulated issue does.
     */
    public static final Duration QUIET_START = Duration.ofSeconds(4);

    private final ScheduledExecutorService scheduler;
    private final double tickMinutes;
    /** Follow-ups the merchants will write: issue id → when. Touched only by the simulator's thread. */
    private final Map<String, Instant> followUps = new HashMap<>();

    private TrafficSimulator(IssueService issues, ConversationService conversation, IssueStore issueStore, Caller feed, List<Book> books,
                             String demoManagerId, List<String> releasesInRollout, Duration tick, double speed) {
        this.tickMinutes = tick.toMillis() / 60_000.0 * speed;
        this.issues = issues;
        this.conversation = conversation;
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
    public static Optional<TrafficSimulator> start(IssueService issues, ConversationService conversation,
                                                   IssueStore issueStore, MerchantStore merchants, UserStore users,
                                                   List<String> releasesInRollout) {
        return start(issues, conversation, issueStore, merchants, users, releasesInRollout, QUIET_START,
                Duration.ofSeconds(1), 1);
    }

    /**
     * Starts the simulator with a tick of its own, at {@code speed} times the real-life rates (a test's fast
     * forward).
     */
    public static Optional<TrafficSimulator> start(IssueService issues, ConversationService conversation,
                                                   IssueStore issueStore, MerchantStore merchants, UserStore users,
                                                   List<String> releasesInRollout, Duration tick, double speed) {
        return start(issues, conversation, issueStore, merchants, users, releasesInRollout, tick, tick, speed);
    }

    private static Optional<TrafficSimulator> start(IssueService issues, ConversationService conversation,
                                                    IssueStore issueStore, MerchantStore merchants, UserStore users,
                                                    List<String> releasesInRollout, Duration first, Duration tick,
                                                    double speed) {
        Optional<Caller> feed = caller(users, DemoWorkspace.FEED_LOGIN);
        List<Book> books = books(merchants, users);
        if (feed.isEmpty() || books.isEmpty()) {
            LOG.info("no demo workspace in this database: the traffic simulator stays off");
            return Optional.empty();
        }
        String demoManagerId = caller(users, DemoWorkspace.MANAGER_LOGIN).map(Caller::id).orElse(null);
        TrafficSimulator simulator = new TrafficSimulator(issues, conversation, issueStore, feed.get(), books, demoManagerId,
                releasesInRollout, tick, speed);
        simulator.scheduler.scheduleWithFixedDelay(simulator::tickSafely, first.toMillis(), tick.toMillis(),
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
        deliverReplies();
        for (Book book : books) {
            if (random.nextDouble() < MESSAGES_PER_MINUTE * tickMinutes) {
                merchantWrites(book);
            }
            if (random.nextDouble() < ISSUES_PER_MINUTE * tickMinutes) {
                post(book);
            }
            boolean isDemoUser = book.manager().id().equals(demoManagerId);
            if (random.nextDouble() < (isDemoUser ? 1.0 : MOVES_PER_MINUTE) * tickMinutes) {
                move(book, isDemoUser);
            }
        }
    }

    /** The connector's part: replies a moment old are delivered; some will be answered by their merchant. */
    private void deliverReplies() {
        Instant now = Instant.now();
        for (IssueMessage reply : conversation.outbox(feed, 100).items()) {
            if (reply.at().plus(DELIVERY_DELAY).isAfter(now)) {
                break;
            }
            conversation.delivered(feed, reply.id());
            if (random.nextInt(3) > 0) {
                followUps.putIfAbsent(reply.issueId(), now.plus(FOLLOW_UP_DELAY));
            }
        }
        for (Iterator<Map.Entry<String, Instant>> due = followUps.entrySet().iterator(); due.hasNext(); ) {
            Map.Entry<String, Instant> followUp = due.next();
            if (followUp.getValue().isBefore(now)) {
                due.remove();
                write(followUp.getKey(), FOLLOW_UPS[random.nextInt(FOLLOW_UPS.length)]);
            }
        }
    }

    /** A merchant writes on one of their open issues, unless they are the last to have written there already. */
    private void merchantWrites(Book book) {
        List<IssueStore.Row> open = issueStore.openOfManager(book.manager().id(), 100);
        if (open.isEmpty()) {
            return;
        }
        IssueStore.Row row = open.get(random.nextInt(open.size()));
        List<IssueMessage> said = conversation.messages(feed, row.id(), Cursor.FIRST, 20).items();
        if (said.size() >= 6 || !said.isEmpty() && said.get(said.size() - 1).direction() == MessageDirection.INBOUND) {
            return;
        }
        write(row.id(), MERCHANT_MESSAGES[random.nextInt(MERCHANT_MESSAGES.length)]);
    }

    private void write(String issueId, String text) {
        try {
            conversation.post(feed, issueId, new NewMessage(text, null));
        } catch (DomainException e) {
            LOG.debug("simulated merchant message on {} refused: {}", issueId, e.getMessage());
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
                        MerchantStore.Query.firstOf(Visibility.bookOf(manager.id()), 500));
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
