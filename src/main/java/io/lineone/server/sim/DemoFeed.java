package io.lineone.server.sim;

import io.lineone.api.CashUpdate;
import io.lineone.api.Listing;
import io.lineone.api.ListingPatch;
import io.lineone.api.Merchant;
import io.lineone.api.NewCoupon;
import io.lineone.api.NewListing;
import io.lineone.api.User;
import io.lineone.api.WeightUnit;
import io.lineone.server.auth.UserStore;
import io.lineone.server.auth.Visibility;
import io.lineone.server.core.Caller;
import io.lineone.server.listings.CouponService;
import io.lineone.server.listings.ListingService;
import io.lineone.server.merchants.MerchantStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
 * The demo's marketplace feed of listings: now and then it slips a decimal point, stacks coupons past cost, types
 * grams as kilograms or lets a merchant's cash run short — real mistakes the detectors catch, so a new user meets
 * a detection (and can fix it) within the first minute or two. The signed-in demo manager gets the first one
 * {@link #FIRST_AFTER} after start. Runs on one daemon thread until {@link #close()}.
 */
public final class DemoFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFeed.class);
    /** When the demo manager meets the first mistake. */
    static final Duration FIRST_AFTER = Duration.ofSeconds(20);
    /** Mistakes per manager per minute, on average, after the first. */
    static final double MISTAKES_PER_MINUTE = 0.5;

    private enum Mistake { DECIMAL_SLIP, COUPON_STACK, WEIGHT_UNIT, CASH_SHORT }

    private record Book(String managerId, List<Merchant> merchants) {
    }

    private final ListingService listings;
    private final CouponService coupons;
    private final Caller feed;
    private final List<Book> books;
    private final String demoManagerId;
    private final Random random = new Random();
    private final ScheduledExecutorService scheduler;
    private final double tickMinutes;

    private DemoFeed(ListingService listings, CouponService coupons, Caller feed, List<Book> books,
                     String demoManagerId, Duration tick, double speed) {
        this.listings = listings;
        this.coupons = coupons;
        this.feed = feed;
        this.books = books;
        this.demoManagerId = demoManagerId;
        this.tickMinutes = tick.toMillis() / 60_000.0 * speed;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lineone-demo-feed");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Gives each demo merchant a few listings at good prices, once: one transaction, no detectors to run. */
    public static void seed(ListingService listings, MerchantStore merchants, UserStore users, Clock clock) {
        Optional<Caller> feed = caller(users, DemoWorkspace.FEED_LOGIN);
        if (feed.isEmpty() || listings.hasListings()) {
            return;
        }
        List<Merchant> all = new ArrayList<>();
        for (Book book : books(merchants, users)) {
            all.addAll(book.merchants());
        }
        long started = System.nanoTime();
        Map<String, List<NewListing>> seeded = DemoListings.forMerchants(all, new Random(618));
        listings.seedUnchecked(feed.get(), seeded, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        LOG.info("seeded {} demo listings in {} ms", seeded.values().stream().mapToInt(List::size).sum(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Starts the feed, or returns empty if there is no demo workspace. It first seeds the listings (once) on its
     * own thread a few seconds in ({@link TrafficSimulator#QUIET_START}), so a first launch does not wait for them.
     */
    public static Optional<DemoFeed> start(ListingService listings, CouponService coupons, MerchantStore merchants,
                                           UserStore users, Clock clock) {
        Optional<DemoFeed> feed = start(listings, coupons, merchants, users, FIRST_AFTER, Duration.ofSeconds(1), 1);
        feed.ifPresent(demo -> demo.scheduler.schedule(() -> demo.safely(() -> seed(listings, merchants, users,
                clock)), TrafficSimulator.QUIET_START.toMillis(), TimeUnit.MILLISECONDS));
        return feed;
    }

    /**
     * Starts the feed with the first mistake after {@code first}, a tick of its own and {@code speed} times the
     * real-life rate (a test's fast forward).
     */
    public static Optional<DemoFeed> start(ListingService listings, CouponService coupons, MerchantStore merchants,
                                           UserStore users, Duration first, Duration tick, double speed) {
        Optional<Caller> feed = caller(users, DemoWorkspace.FEED_LOGIN);
        List<Book> books = books(merchants, users);
        if (feed.isEmpty() || books.isEmpty()) {
            return Optional.empty();
        }
        String demoManagerId = caller(users, DemoWorkspace.MANAGER_LOGIN).map(Caller::id).orElse(null);
        DemoFeed demo = new DemoFeed(listings, coupons, feed.get(), books, demoManagerId, tick, speed);
        demo.scheduler.schedule(() -> demo.safely(() -> demo.firstMistake()), first.toMillis(), TimeUnit.MILLISECONDS);
        demo.scheduler.scheduleWithFixedDelay(() -> demo.safely(demo::tick), first.toMillis() + tick.toMillis(),
                tick.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(demo);
    }

    /** The demo manager's first mistake: a slipped decimal point on one of their best sellers, so it is a P1. */
    private void firstMistake() {
        books.stream().filter(b -> b.managerId().equals(demoManagerId)).findFirst().ifPresent(book -> {
            Listing best = null;
            for (Merchant merchant : book.merchants().subList(0, Math.min(20, book.merchants().size()))) {
                for (Listing l : listings.liveUnchecked(merchant.id())) {
                    if (l.anomalies().isEmpty() && (best == null
                            || l.priceCents() * l.unitsPerHour() > best.priceCents() * best.unitsPerHour())) {
                        best = l;
                    }
                }
            }
            if (best != null) {
                listings.patch(feed, best.id(), null, null, new ListingPatch(Math.max(1, best.priceCents() / 10), null,
                        null, null, null, null, null, null));
            }
        });
    }

    private void tick() {
        for (Book book : books) {
            if (random.nextDouble() < MISTAKES_PER_MINUTE * tickMinutes) {
                mistake(book, Mistake.values()[random.nextInt(Mistake.values().length)]);
            }
        }
    }

    private void mistake(Book book, Mistake mistake) {
        Merchant merchant = book.merchants().get(random.nextInt(book.merchants().size()));
        List<Listing> live = listings.liveUnchecked(merchant.id()).stream().filter(l -> l.anomalies().isEmpty())
                .toList();
        if (live.isEmpty() && mistake != Mistake.CASH_SHORT) {
            return;
        }
        Listing listing = live.isEmpty() ? null : live.get(random.nextInt(live.size()));
        switch (mistake) {
            case DECIMAL_SLIP -> listings.patch(feed, listing.id(), null, null, new ListingPatch(
                    Math.max(1, listing.priceCents() / (random.nextBoolean() ? 10 : 100)), null, null, null, null,
                    null, null, null));
            case COUPON_STACK -> {
                long cost = listing.costCents() == null ? listing.priceCents() / 2 : listing.costCents();
                long discount = Math.max(100, listing.priceCents() * 7 / 10 - cost + 500);
                coupons.create(feed, merchant.id(), null, new NewCoupon(List.of(listing.id()), null, 30, true,
                        50_000_000, 0L, true));
                coupons.create(feed, merchant.id(), null, new NewCoupon(List.of(listing.id()), discount, null, true,
                        50_000_000, 0L, true));
            }
            case WEIGHT_UNIT -> listings.patch(feed, listing.id(), null, null, new ListingPatch(null, null, null, null,
                    listing.weightUnit() == WeightUnit.G ? WeightUnit.KG : WeightUnit.G, null, null, null));
            case CASH_SHORT -> {
                long pending = 50_000 + random.nextInt(500) * 1_000L;
                listings.putCash(feed, merchant.id(), null, new CashUpdate(pending / 3, pending));
            }
        }
        LOG.debug("demo feed: {} at {}", mistake, merchant.name());
    }

    private void safely(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            // A simulated feed losing a race or refused must not stop the demo.
            LOG.debug("demo feed step failed: {}", e.toString());
        }
    }

    private static List<Book> books(MerchantStore merchants, UserStore users) {
        List<Book> books = new ArrayList<>();
        for (String login : DemoWorkspace.managerLogins()) {
            caller(users, login).ifPresent(manager -> {
                List<Merchant> own = merchants.list(
                        MerchantStore.Query.firstOf(Visibility.bookOf(manager.id()), 500));
                if (!own.isEmpty()) {
                    books.add(new Book(manager.id(), own));
                }
            });
        }
        return books;
    }

    private static Optional<Caller> caller(UserStore users, String login) {
        return users.credentials(login).map(UserStore.Credentials::user)
                .map((User user) -> new Caller(user, "demo-feed"));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the demo feed did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
