package io.lineone.client.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Band;
import io.lineone.api.Issue;
import io.lineone.api.Merchant;
import io.lineone.api.Tier;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Issues;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A manager's queue follows their book: a merchant moved away takes its issues, one moved in brings its own. */
class LiveIssuesBookMovesTest {

    private final QueueFixture session = new QueueFixture();

    private static Merchant merchant(String id, String managerId, int openIssues, long version) {
        return new Merchant(id, "商家" + id, "店" + id, Tier.SME, "食品", "浙江", managerId, "经理" + managerId, null, 80,
                Band.GREEN, openIssues, 0, null, false, version);
    }

    private Issue issue(String id, String merchantId) {
        return Issues.issue(id).merchant(merchantId, "商家" + merchantId).manager(FakeBackend.USER.id()).build();
    }

    @Test
    void aMerchantMovedAwayTakesItsIssuesOutOfTheQueueAndOneMovedInBringsItsOwn() {
        session.issues.keepQueueOf(FakeBackend.USER.id());
        session.serverHas(issue("i-1", "m1"), issue("i-2", "m1"), issue("i-3", "m2")).signIn();
        assertThat(session.issues.rows()).hasSize(3);
        int loads = session.backend.loads;

        session.issues.merchantsChanged(List.of(merchant("m1", "u-other", 2, 2)));
        assertThat(session.issues.rows()).extracting(IssueRow::id).containsExactly("i-3");
        assertThat(session.backend.loads).as("leaving needs no read").isEqualTo(loads);

        session.issues.merchantsChanged(List.of(merchant("m2", FakeBackend.USER.id(), 1, 3)));
        assertThat(session.backend.loads).as("a merchant whose open issues are all here reads nothing").isEqualTo(loads);

        session.issues.merchantsChanged(List.of(merchant("m1", FakeBackend.USER.id(), 2, 4)));
        assertThat(session.backend.loads).as("one moved in with open issues not here reads the list").isEqualTo(loads + 1);
        assertThat(session.issues.rows()).extracting(IssueRow::id).containsExactlyInAnyOrder("i-1", "i-2", "i-3");
    }

    @Test
    void everyBatchIsToldToTheBookBeforeItIsApplied() {
        List<String> heard = new ArrayList<>();
        session.issues.onIssues((issues, list) -> heard.add((list ? "list " : "events ") + issues.size()));
        session.serverHas(issue("i-1", "m1")).signIn();
        session.event("issue.created", issue("i-2", "m1"));
        session.ui.frame();
        assertThat(heard).containsExactly("list 1", "events 1");
    }

    @Test
    void aSupervisorsQueueKeepsEveryMerchantsIssues() {
        session.serverHas(issue("i-1", "m1")).signIn();
        session.issues.merchantsChanged(List.of(merchant("m1", "u-other", 1, 2)));
        assertThat(session.issues.rows()).hasSize(1);
    }
}
