package io.lineone.client.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.EventTypes;
import io.lineone.api.Issue;
import io.lineone.api.IssueStatus;
import io.lineone.api.Tier;
import io.lineone.client.common.DeferredTaskExecutor;
import io.lineone.client.net.Issues;
import io.lineone.testing.Merchants;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class IssueDetailViewModelTest {

    private final DeferredTaskExecutor deferred = new DeferredTaskExecutor();
    private final QueueFixture session = new QueueFixture(Locale.ENGLISH, deferred);

    @Test
    void theDrawerShowsTheIssueAtOnceAndLoadsMerchantAndHistoryInTheBackground() {
        session.serverHas(Issues.issue("i-1").merchant("m-x", "Nowhere Ltd").build()).signIn();
        deferred.runAll();
        IssueDetailViewModel detail = session.queue().detail();
        session.select("i-1");

        detail.open();
        assertThat(detail.openProperty().get()).isTrue();
        assertThat(detail.detailProperty().get().loading()).as("shown at once, filled in later").isTrue();
        assertThat(deferred.pending()).isEqualTo(1);
        deferred.runAll();

        // The fake has no merchant m-x (as for an issue handed over from another manager's book): the drawer still
        // shows the issue and its history, the merchant by the name the issue carries.
        assertThat(detail.detailProperty().get().loading()).isFalse();
        assertThat(detail.detailProperty().get().issue().id()).isEqualTo("i-1");
        assertThat(detail.detailProperty().get().merchant()).isNull();
        assertThat(detail.detailProperty().get().history()).isNotEmpty();
        assertThat(detail.errorProperty().get()).isEmpty();
        detail.close();
        assertThat(detail.openProperty().get()).isFalse();
    }

    @Test
    void whileOpenTheDrawerFollowsTheSelectionAndDropsAnswersForAnotherIssue() {
        session.backend.withMerchants(
                List.of(Merchants.merchant("m-1", "杭州西湖茶叶有限公司", "西湖龙井旗舰店", Tier.KA, "浙江", 88)));
        session.serverHas(Issues.issue("i-1").build(), Issues.issue("i-2").title("Second").build()).signIn();
        deferred.runAll();
        IssueDetailViewModel detail = session.queue().detail();
        session.select("i-1");
        detail.open();

        session.select("i-2");
        assertThat(detail.detailProperty().get().issue().id()).isEqualTo("i-2");
        deferred.runNext();
        assertThat(detail.detailProperty().get().loading()).as("the answer about i-1 is dropped").isTrue();
        deferred.runNext();
        assertThat(detail.detailProperty().get().issue().title()).isEqualTo("Second");
        assertThat(detail.detailProperty().get().merchant().name()).isEqualTo("杭州西湖茶叶有限公司");
        assertThat(detail.detailProperty().get().history()).hasSize(1);
        assertThat(detail.errorProperty().get()).isEmpty();

        detail.close();
        session.select("i-1");
        assertThat(deferred.pending()).as("a closed drawer reads nothing").isZero();
    }

    @Test
    void theOpenDrawerFollowsLiveChangesOfItsIssueAndReadsItsHistoryAgain() {
        Issue first = Issues.issue("i-1").build();
        session.serverHas(first).signIn();
        deferred.runAll();
        IssueDetailViewModel detail = session.queue().detail();
        session.select("i-1");
        detail.open();
        deferred.runAll();
        session.backend.calls.clear();

        // Someone (or W) moves it on: the event arrives while the drawer is open.
        session.event(EventTypes.ISSUE_UPDATED, Issues.with(first).status(IssueStatus.WAITING_MERCHANT)
                .version(first.version() + 1).build());
        session.ui.frame();

        assertThat(detail.detailProperty().get().issue().status()).as("shown at once")
                .isEqualTo(IssueStatus.WAITING_MERCHANT);
        assertThat(deferred.pending()).as("the history is read again").isEqualTo(1);
        deferred.runAll();
        assertThat(session.backend.calls).containsExactly("history i-1");
        assertThat(detail.detailProperty().get().loading()).isFalse();

        // An older version arriving late changes nothing.
        session.event(EventTypes.ISSUE_UPDATED, first);
        session.ui.frame();
        assertThat(detail.detailProperty().get().issue().status()).isEqualTo(IssueStatus.WAITING_MERCHANT);
        assertThat(deferred.pending()).isZero();
    }
}
