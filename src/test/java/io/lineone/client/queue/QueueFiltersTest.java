package io.lineone.client.queue;

import static io.lineone.client.queue.QueueFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.IssueCategory;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Issues;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueueFiltersTest {

    private final QueueFixture session = new QueueFixture();

    @Test
    void theQueueIsOrderedByPriorityThenSlaDueAndTheToggleOrdersByMoney() {
        session.serverHas(
                Issues.issue("p3-late").priority(Priority.P3).money(500_00)
                        .due(T0.plus(Duration.ofMinutes(50)), T0.plusSeconds(99_999)).build(),
                Issues.issue("p1").priority(Priority.P1).money(100).due(T0.plusSeconds(60), T0.plusSeconds(14_400)).build(),
                Issues.issue("p3-soon").priority(Priority.P3).money(9_000_00)
                        .due(T0.plus(Duration.ofMinutes(10)), T0.plusSeconds(99_999)).build(),
                // Acknowledged: its clock is now the resolution target, later than the others' first response.
                Issues.issue("p2-ack").priority(Priority.P2).status(IssueStatus.ACKNOWLEDGED).money(20_00)
                        .due(T0.plusSeconds(1), T0.plus(Duration.ofHours(24))).build(),
                Issues.issue("p2-new").priority(Priority.P2).due(T0.plus(Duration.ofMinutes(5)), T0.plusSeconds(99_999))
                        .build()).signIn();
        QueueFilters filters = session.queue().filters();

        assertThat(session.shownIds()).containsExactly("p1", "p2-new", "p2-ack", "p3-soon", "p3-late");

        filters.orderByMoneyProperty().set(true);
        assertThat(session.shownIds()).containsExactly("p3-soon", "p3-late", "p2-ack", "p1", "p2-new");

        filters.orderByMoneyProperty().set(false);
        assertThat(session.shownIds()).startsWith("p1");
        assertThat(filters.countTextProperty().get()).isEqualTo("5 issues");
    }

    @Test
    void filtersAndSearchNarrowTheQueueWithoutAskingTheServer() {
        session.serverHas(
                Issues.issue("mine").assignee(FakeBackend.USER.id(), "李娜").status(IssueStatus.IN_PROGRESS)
                        .category(IssueCategory.COUPON_OVERSPEND).title("Coupons stack to ¥-3").build(),
                Issues.issue("theirs").assignee("u-2", "王伟").priority(Priority.P1).build(),
                Issues.issue("free").merchant("m-2", "Chengdu Hotpot Foods").listing("lst-77").build(),
                Issues.issue("done").status(IssueStatus.RESOLVED).rootCause("duplicate").build()).signIn();
        QueueFilters filters = session.queue().filters();
        int loads = session.backend.loads;
        assertThat(session.shownIds()).containsExactlyInAnyOrder("mine", "theirs", "free");

        filters.assigneeProperty().set(AssigneeChoice.MINE);
        assertThat(session.shownIds()).containsExactly("mine");
        filters.assigneeProperty().set(AssigneeChoice.UNASSIGNED);
        assertThat(session.shownIds()).containsExactly("free");
        filters.assigneeProperty().set(AssigneeChoice.ALL);

        filters.categoryProperty().set(new FilterChoice<>(IssueCategory.COUPON_OVERSPEND));
        assertThat(session.shownIds()).containsExactly("mine");
        filters.categoryProperty().set(FilterChoice.any());

        filters.priorityProperty().set(new FilterChoice<>(Priority.P1));
        assertThat(session.shownIds()).containsExactly("theirs");
        assertThat(filters.countTextProperty().get()).isEqualTo("1 of 3 issues");
        filters.priorityProperty().set(FilterChoice.any());

        filters.statusProperty().set(StatusChoice.IN_PROGRESS);
        assertThat(session.shownIds()).containsExactly("mine");
        filters.statusProperty().set(StatusChoice.OPEN);

        filters.queryProperty().set("ＣＨＥＮＧＤＵ");
        assertThat(session.shownIds()).as("full-width letters fold to ASCII").containsExactly("free");
        filters.queryProperty().set("lst-77");
        assertThat(session.shownIds()).containsExactly("free");
        filters.queryProperty().set("coupons ¥-3");
        assertThat(session.shownIds()).containsExactly("mine");
        filters.queryProperty().set("");
        assertThat(session.backend.loads).as("filters are applied in memory").isEqualTo(loads);

        filters.statusProperty().set(StatusChoice.RESOLVED);
        assertThat(session.backend.calls).as("resolved issues are loaded when asked for").contains("issues null");
        assertThat(session.shownIds()).containsExactly("done");
        filters.statusProperty().set(StatusChoice.OPEN);
        assertThat(session.issues.rows()).extracting(IssueRow::id).doesNotContain("done");
    }

    @Test
    void theChoicesOfferAnyFirst() {
        QueueFilters filters = session.signIn().queue().filters();

        assertThat(filters.categoryChoices()).hasSize(IssueCategory.values().length + 1)
                .first().isEqualTo(FilterChoice.any());
        assertThat(filters.priorityChoices()).extracting(FilterChoice::value)
                .containsExactly(null, Priority.P1, Priority.P2, Priority.P3, Priority.P4);
    }

    @Test
    void savedViewsSetTheFiltersAndAHandChangeLeavesTheView() {
        session.serverHas(
                Issues.issue("p1").priority(Priority.P1).due(T0.plusSeconds(60), T0.plus(Duration.ofHours(4))).build(),
                Issues.issue("waiting").status(IssueStatus.WAITING_MERCHANT)
                        .due(T0.plusSeconds(60), T0.plus(Duration.ofHours(3))).build(),
                Issues.issue("calm").priority(Priority.P4).due(T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofDays(7)))
                        .build()).signIn();
        QueueFilters filters = session.queue().filters();
        assertThat(filters.viewProperty().get()).isEqualTo(QueueView.ALL_OPEN);

        filters.show(QueueView.P1);
        assertThat(session.shownIds()).containsExactly("p1");
        assertThat(filters.viewProperty().get()).isEqualTo(QueueView.P1);

        filters.show(QueueView.WAITING_MERCHANT);
        assertThat(session.shownIds()).containsExactly("waiting");

        filters.show(QueueView.BREACHING);
        assertThat(session.shownIds()).as("nothing is past due yet").isEmpty();
        session.clock.set(T0.plusSeconds(90));
        session.ui.tick();
        assertThat(session.shownIds()).as("the P1's first response is now late; a paused clock is not")
                .containsExactly("p1");
        assertThat(filters.viewProperty().get()).isEqualTo(QueueView.BREACHING);

        filters.queryProperty().set("rice");
        assertThat(filters.viewProperty().get()).as("changed by hand: no view is marked").isNull();
        assertThat(QueueViewBar.byDigit("3")).isEqualTo(QueueView.BREACHING);
        assertThat(QueueViewBar.byDigit("9")).isNull();
        filters.show(QueueView.ALL_OPEN);
        assertThat(session.shownIds()).containsExactlyInAnyOrder("p1", "waiting", "calm");
    }
}
