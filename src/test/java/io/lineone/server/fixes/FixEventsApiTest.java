package io.lineone.server.fixes;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.EventTypes;
import io.lineone.api.Fix;
import io.lineone.api.FixKind;
import io.lineone.api.Listing;
import io.lineone.api.Merchant;
import io.lineone.api.Role;
import io.lineone.testing.Feed;
import io.lineone.testing.SseReader;
import io.lineone.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Listing and fix events go to the owning manager's stream and replay the same way: a manager resuming from the
 * start gets their merchants' listing, issue and fix events in order and never another manager's.
 */
class FixEventsApiTest {

    private static final Set<String> FEATURE_EVENTS = Set.of(EventTypes.LISTING_UPDATED, EventTypes.FIX_APPLIED,
            EventTypes.FIX_UNDONE, EventTypes.MERCHANT_UPDATED, EventTypes.ISSUE_CREATED, EventTypes.ISSUE_UPDATED);

    @RegisterExtension
    final TestServer server = TestServer.onH2().build();

    @Test
    void eachManagerReplaysTheirOwnListingAndFixEventsOnly() throws Exception {
        Feed feed = new Feed(server);
        TestServer.Account a = server.account(Role.MANAGER);
        TestServer.Account b = server.account(Role.MANAGER);
        TestServer.Account supervisor = server.account(Role.SUPERVISOR);
        Merchant ofA = server.merchantOf(a);
        Merchant ofB = server.merchantOf(b);
        List<String> fixes = new ArrayList<>();
        for (Object[] who : new Object[][] {{a, ofA}, {b, ofB}}) {
            TestServer.Account manager = (TestServer.Account) who[0];
            Merchant merchant = (Merchant) who[1];
            Listing slipped = feed.price(feed.listing(merchant.id(), Feed.rice("大米")).id(), 890);
            Fix fix = feed.fix(manager.token(), FixKind.DELIST_LISTING, slipped.id(), slipped.openIssueIds().get(0));
            fixes.add(fix.id());
            feed.undo(manager.token(), fix.id());
            feed.cash(merchant.id(), 1, 2);
            feed.fix(manager.token(), FixKind.PAUSE_AUTO_DEDUCTION, merchant.id(), null);
        }

        List<SseReader.Event> ofManagerA = replay(a.token());
        List<SseReader.Event> ofManagerB = replay(b.token());
        List<SseReader.Event> all = replay(supervisor.token());
        assertThat(ofManagerA).isNotEmpty().allSatisfy(e ->
                assertThat(e.json().path("merchantId").asText()).as("%s", e.type())
                        .isIn(ofA.id(), "").satisfies(id -> assertThat(e.json().path("id").asText()).isNotEqualTo(ofB.id())));
        assertThat(ofManagerA).extracting(SseReader.Event::type).contains(EventTypes.LISTING_UPDATED,
                EventTypes.ISSUE_CREATED, EventTypes.ISSUE_UPDATED, EventTypes.FIX_APPLIED, EventTypes.FIX_UNDONE,
                EventTypes.MERCHANT_UPDATED);
        assertThat(ofManagerA).filteredOn(e -> e.type().equals(EventTypes.MERCHANT_UPDATED))
                .allSatisfy(e -> assertThat(e.json().get("id").asText()).isEqualTo(ofA.id()));
        assertThat(ofManagerA).filteredOn(e -> e.type().equals(EventTypes.FIX_APPLIED))
                .extracting(e -> e.json().get("id").asText()).contains(fixes.get(0)).doesNotContain(fixes.get(1));
        assertThat(ofManagerB).filteredOn(e -> e.type().equals(EventTypes.FIX_APPLIED))
                .extracting(e -> e.json().get("id").asText()).contains(fixes.get(1)).doesNotContain(fixes.get(0));
        assertThat(ofManagerA.size() + ofManagerB.size()).isEqualTo(all.size());
        assertThat(all).extracting(SseReader.Event::id).isSorted();
    }

    /** Every feature event the caller may see, replayed from the start of the log. */
    private List<SseReader.Event> replay(String token) throws InterruptedException {
        List<SseReader.Event> events = new ArrayList<>();
        try (SseReader reader = server.events(token, 0L, null)) {
            SseReader.Event event;
            while ((event = reader.next(Duration.ofMillis(1500))) != null) {
                if (FEATURE_EVENTS.contains(event.type())) {
                    events.add(event);
                }
            }
        }
        return events;
    }
}
