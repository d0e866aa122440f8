package io.lineone.client.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.IssueCategory;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.IssueStatus;
import io.lineone.api.ManagerLoad;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.api.User;
import io.lineone.client.common.Messages;
import io.lineone.client.net.EventStream;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Issues;
import io.lineone.client.queue.IssueActions.NoticeKind;
import io.lineone.client.queue.ManageDialogViewModel.Step;
import io.lineone.testing.Merchants;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bulk triage, the manage sheet, a new issue and the team panel, over a fake server. */
class IssueManagementViewModelTest {

    private static final User WANG_WEI = new User("u-2", "wang.wei", "王伟", Role.MANAGER);
    private final QueueFixture session = new QueueFixture();

    private void selectAll(String... ids) {
        BulkTriage bulk = session.queue().bulk();
        bulk.selection().setAll(Arrays.stream(ids).map(session::row).toList());
        session.select(ids[ids.length - 1]);
    }

    @Test
    void bulkClaimChecksEachVersionNamesTheStaleOneAndAppliesTheRest() {
        session.serverHas(Issues.issue("i-1").title("一号").build(), Issues.issue("i-2").title("二号").build(),
                Issues.issue("i-3").title("三号").build(), Issues.issue("i-4").title("四号").assignee("u-2", "王伟").build())
                .signIn();
        // Someone else claims i-2 meanwhile; the console has not heard yet.
        session.backend.issues.put("i-2", Issues.with(session.backend.issues.get("i-2")).assignee("u-3", "赵六")
                .version(2).build());
        selectAll("i-1", "i-2", "i-3", "i-4");
        assertThat(session.queue().bulk().severalProperty().get()).isTrue();
        assertThat(session.queue().canClaimProperty().get()).isTrue();

        session.queue().claim();

        assertThat(session.backend.calls).contains("claim i-1 v1", "claim i-2 v1", "claim i-3 v1")
                .noneMatch(call -> call.startsWith("claim i-4"));
        assertThat(session.row("i-1").issue().assigneeId()).isEqualTo(FakeBackend.USER.id());
        assertThat(session.row("i-3").issue().assigneeId()).isEqualTo(FakeBackend.USER.id());
        assertThat(session.row("i-2").issue().assigneeName()).as("reloaded as the server has it").isEqualTo("赵六");
        IssueActions actions = session.queue().actions();
        assertThat(actions.noticeKindProperty().get()).isEqualTo(NoticeKind.STALE);
        assertThat(actions.noticeProperty().get()).isEqualTo(
                "2 claimed, 1 changed by someone else (“二号”) — reloaded, left as they are, 1 skipped (not in a state for it)");
        assertThat(session.queue().bulk().runningProperty().get()).isFalse();
        assertThat(session.queue().bulk().progressProperty().get()).isEmpty();
    }

    @Test
    void bulkAcknowledgeAndResolveThroughTheDialog() {
        session.serverHas(Issues.issue("i-1").build(), Issues.issue("i-2").build()).signIn();
        selectAll("i-1", "i-2");
        session.queue().acknowledge();
        assertThat(session.row("i-1").issue().status()).isEqualTo(IssueStatus.ACKNOWLEDGED);
        assertThat(session.queue().actions().noticeProperty().get()).isEqualTo("2 acknowledged");

        selectAll("i-1", "i-2");
        ResolveDialogViewModel dialog = session.queue().resolve();
        dialog.begin();
        assertThat(dialog.subjectProperty().get()).isEqualTo("2 selected issues, with one root cause and note");
        dialog.confirm();
        assertThat(dialog.errorProperty().get()).startsWith("Give a root cause");
        dialog.rootCauseProperty().set("duplicate-listing");
        dialog.confirm();
        assertThat(dialog.openProperty().get()).isFalse();
        assertThat(session.backend.calls).contains("patch i-1 v2 RESOLVED duplicate-listing null",
                "patch i-2 v2 RESOLVED duplicate-listing null");
        assertThat(session.issues.rows()).isEmpty();
        assertThat(session.queue().actions().noticeProperty().get()).isEqualTo("2 resolved");
    }

    @Test
    void aTransferredIssueLeavesMyQueueAndTheNoteIsKeptUntilSent() {
        session.issues.keepQueueOf(FakeBackend.USER.id());
        session.backend.managers.addAll(List.of(FakeBackend.USER, WANG_WEI));
        session.serverHas(Issues.issue("i-1").manager("u-1").build()).signIn();
        session.select("i-1");
        ManageDialogViewModel manage = session.queue().manage();

        manage.begin(Step.TRANSFER);
        assertThat(manage.openProperty().get()).isTrue();
        assertThat(manage.managers()).as("not the manager who has it").containsExactly(WANG_WEI);
        manage.confirm();
        assertThat(manage.errorProperty().get()).isEqualTo("Choose the manager who takes the issue over.");
        manage.managerProperty().set(WANG_WEI);
        manage.confirm();
        assertThat(manage.errorProperty().get()).startsWith("Write a note");
        manage.wordsProperty().set("王伟熟悉这家店");
        manage.cancel();
        manage.begin(Step.TRANSFER);
        assertThat(manage.wordsProperty().get()).as("the draft outlives a cancel").isEqualTo("王伟熟悉这家店");
        assertThat(manage.managerProperty().get()).isEqualTo(WANG_WEI);

        session.backend.streamListener.onDown(true, new IOException("refused"));
        assertThat(manage.canSendProperty().get()).as("offline: disabled").isFalse();
        manage.confirm();
        assertThat(manage.errorProperty().get())
                .isEqualTo("Offline: actions are disabled until the connection is back.");
        assertThat(session.backend.calls).as("nothing queued silently").noneMatch(call -> call.startsWith("transfer"));
        session.opened(EventStream.Opened.RESUMED);
        manage.confirm();

        assertThat(session.backend.calls).contains("transfer i-1 v1 u-2 王伟熟悉这家店");
        assertThat(manage.openProperty().get()).isFalse();
        assertThat(session.issues.rows()).as("in 王伟's queue now, not mine").isEmpty();
        assertThat(session.queue().actions().noticeProperty().get())
                .isEqualTo("“Price shown as ¥0.99 instead of ¥99” is now with 王伟.");
        manage.begin(Step.TRANSFER);
        assertThat(manage.wordsProperty().get()).isEmpty();
    }

    @Test
    void aNewPriorityMovesTheRowAndAStaleOneIsSaidInTheSheet() {
        session.serverHas(Issues.issue("i-1").priority(Priority.P2).build(), Issues.issue("i-2").build()).signIn();
        assertThat(session.shownIds()).containsExactly("i-1", "i-2");
        session.select("i-2");
        ManageDialogViewModel manage = session.queue().manage();
        manage.begin(Step.PRIORITY);
        assertThat(manage.priorityProperty().get()).isEqualTo(Priority.P3);
        manage.wordsProperty().set("买家在大量下单");
        manage.confirm();
        assertThat(manage.errorProperty().get()).isEqualTo("Choose a priority other than the one it has.");
        manage.priorityProperty().set(Priority.P1);
        session.backend.staleOnce.add("i-2");
        manage.confirm();
        assertThat(manage.errorProperty().get()).contains("was changed by someone else");
        assertThat(manage.openProperty().get()).isTrue();

        manage.begin(Step.PRIORITY);
        assertThat(manage.wordsProperty().get()).isEqualTo("买家在大量下单");
        manage.confirm();
        assertThat(session.backend.calls).contains("priority i-2 v2 P1 买家在大量下单");
        assertThat(session.shownIds()).as("the P1 goes to the top").containsExactly("i-2", "i-1");
    }

    @Test
    void reopenAndDuplicateApplyOnlyWhereTheyMakeSense() {
        session.serverHas(Issues.issue("i-1").build(), Issues.issue("i-2").build(),
                Issues.issue("i-3").status(IssueStatus.RESOLVED).rootCause("fixed").build()).signIn();
        session.queue().filters().statusProperty().set(StatusChoice.ALL);
        ManageDialogViewModel manage = session.queue().manage();
        session.select("i-1");
        manage.begin(Step.REOPEN);
        assertThat(manage.openProperty().get()).isFalse();
        assertThat(session.queue().actions().noticeProperty().get()).isEqualTo("Cannot reopen an issue that is New.");

        session.select("i-2");
        manage.begin(Step.DUPLICATE);
        assertThat(manage.originals()).extracting(i -> i.id()).containsExactly("i-1", "i-3");
        manage.confirm();
        assertThat(manage.errorProperty().get()).isEqualTo("Choose the issue this one duplicates.");
        manage.originalProperty().set(session.row("i-1").issue());
        manage.confirm();
        assertThat(session.backend.calls).contains("duplicate i-2 v1 of i-1");
        assertThat(session.row("i-2").issue().duplicateOf()).isEqualTo("i-1");

        session.select("i-3");
        manage.begin(Step.REOPEN);
        manage.wordsProperty().set("商家说又错了");
        manage.confirm();
        assertThat(session.row("i-3").issue().status()).isEqualTo(IssueStatus.IN_PROGRESS);
    }

    @Test
    void aNewIssueForOneOfMyMerchants() {
        session.backend.withMerchants(List.of(Merchants.merchant("m-2", "宁波海鲜", "舟山旗舰店", Tier.SME, "浙江", 70),
                Merchants.merchant("m-1", "杭州西湖茶叶有限公司", "西湖龙井旗舰店", Tier.KA, "浙江", 88)));
        session.signIn();
        NewIssueViewModel sheet = session.queue().newIssue();
        sheet.begin(null);
        assertThat(sheet.merchants()).extracting(m -> m.id()).containsExactlyInAnyOrder("m-1", "m-2");
        sheet.confirm();
        assertThat(sheet.errorProperty().get()).isEqualTo("Choose the merchant the issue is about.");
        sheet.merchantProperty().set(sheet.merchants().get(0));
        sheet.confirm();
        assertThat(sheet.errorProperty().get()).isEqualTo("Give the issue a title.");
        sheet.titleProperty().set("电话反馈：优惠券叠加后低于成本");
        sheet.categoryProperty().set(IssueCategory.COUPON_OVERSPEND);
        sheet.priorityProperty().set(Priority.P2);
        sheet.cancel();
        sheet.begin(null);
        assertThat(sheet.titleProperty().get()).isEqualTo("电话反馈：优惠券叠加后低于成本");
        sheet.confirm();

        assertThat(session.backend.calls).anyMatch(call -> call.startsWith("create m-") && call.contains("P2 电话反馈"));
        assertThat(sheet.openProperty().get()).isFalse();
        assertThat(session.issues.rows()).extracting(r -> r.issue().title()).containsExactly("电话反馈：优惠券叠加后低于成本");
        assertThat(sheet.titleProperty().get()).isEmpty();
    }

    @Test
    void theTeamPanelShowsEachManagersLoadAndNarrowsTheQueue() {
        session.backend.load.addAll(List.of(new ManagerLoad("u-1", "李娜", 2, 1, 0, 1_250_000),
                new ManagerLoad("u-2", "王伟", 1, 0, 1, 0)));
        session.serverHas(Issues.issue("i-1").manager("u-1").build(), Issues.issue("i-2").manager("u-1").build(),
                Issues.issue("i-3").manager("u-2").build()).signIn();
        TeamLoadViewModel team = session.queue().team();
        team.follow();
        assertThat(team.rows()).extracting(ManagerLoad::displayName).containsExactly("李娜", "王伟");
        assertThat(team.money(team.rows().get(0))).isEqualTo("¥12,500.00");

        team.chosenProperty().set(team.rows().get(1));
        assertThat(session.shownIds()).containsExactly("i-3");
        team.showEveryone();
        assertThat(session.shownIds()).containsExactly("i-1", "i-2", "i-3");
        team.chosenProperty().set(team.rows().get(0));
        session.queue().filters().reset();
        assertThat(team.chosenProperty().get()).isNull();
    }

    @Test
    void theHistorySaysWhatEachManagementStepChanged() {
        java.time.Instant at = java.time.Instant.parse("2026-11-23T06:00:00Z");
        IssueText english = session.text;
        assertThat(english.historyLine(new IssueHistoryEntry(at, "u-1", "李娜", "transferred", null, null, "请接手", null,
                "王伟"))).endsWith("李娜 · handed it to 王伟");
        assertThat(english.historyLine(new IssueHistoryEntry(at, "u-1", "李娜", "priority", null, null, "x", null,
                "P3\u2192P1"))).endsWith("changed the priority P3\u2192P1");
        assertThat(english.historyLine(new IssueHistoryEntry(at, "u-1", "李娜", "duplicate", IssueStatus.NEW,
                IssueStatus.RESOLVED, null, "duplicate", "i-9"))).endsWith("resolved it as a duplicate of i-9");
        IssueText chinese = new IssueText(Messages.forLocale(java.util.Locale.SIMPLIFIED_CHINESE),
                java.time.ZoneOffset.UTC, "u-1");
        assertThat(chinese.historyLine(new IssueHistoryEntry(at, "u-7", "陈静", "reopened", IssueStatus.RESOLVED,
                IssueStatus.IN_PROGRESS, "商家说又错了", null))).endsWith("陈静 · 重新打开了问题");
    }
}
