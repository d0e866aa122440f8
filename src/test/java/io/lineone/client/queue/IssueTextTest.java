package io.lineone.client.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.api.Tier;
import io.lineone.client.common.ConnectionStatus.State;
import io.lineone.client.common.Messages;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Issues;
import io.lineone.testing.Merchants;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The queue's wording, without a view model or a toolkit. */
class IssueTextTest {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    private final IssueText english = new IssueText(Messages.forLocale(Locale.ENGLISH), ZoneOffset.UTC,
            FakeBackend.USER.id());
    private final IssueText chinese = new IssueText(Messages.forLocale(Locale.SIMPLIFIED_CHINESE),
            ZoneId.of("Asia/Shanghai"), FakeBackend.USER.id());

    @Test
    void moneyIsYuanFromFen() {
        assertThat(english.money(9_000_00)).isEqualTo("¥9,000.00");
        assertThat(english.money(5)).isEqualTo("¥0.05");
    }

    @Test
    void labelsComeFromTheBundle() {
        assertThat(english.status(IssueStatus.WAITING_MERCHANT)).isEqualTo("Waiting on merchant");
        assertThat(english.status(null)).isEmpty();
        assertThat(english.category(IssueCategory.COUPON_OVERSPEND)).isNotBlank();
        assertThat(english.categoryChoice(FilterChoice.any())).isEqualTo("All categories");
        assertThat(english.priorityChoice(new FilterChoice<>(Priority.P2))).isEqualTo("P2");
        assertThat(english.label(AssigneeChoice.MINE)).isEqualTo("Assigned to me");
        assertThat(english.label(StatusChoice.OPEN)).isEqualTo("Open");
        assertThat(english.count(5, 5)).isEqualTo("5 issues");
        assertThat(english.count(1, 3)).isEqualTo("1 of 3 issues");
        assertThat(english.count(0, 0)).isEqualTo("No open issues");
    }

    @Test
    void myIssuesSaySoAndUnclaimedOnesShowADash() {
        assertThat(english.assignee(Issues.issue("i").assignee(FakeBackend.USER.id(), "李娜").build()))
                .isEqualTo("李娜 (me)");
        assertThat(english.assignee(Issues.issue("i").assignee("u-2", "王伟").build())).isEqualTo("王伟");
        assertThat(english.assignee(Issues.issue("i").build())).isEqualTo("—");
    }

    @Test
    void countdownsAndTheirTooltips() {
        Issue p1 = Issues.issue("p1").priority(Priority.P1).due(T0.plusSeconds(60), T0.plus(Duration.ofHours(4))).build();
        assertThat(english.slaText(Sla.of(p1, T0, T0))).isEqualTo("0:01:00");
        assertThat(english.slaTarget(Sla.of(p1, T0, T0))).isEqualTo("Reply");
        assertThat(chinese.slaTarget(Sla.of(p1, T0, T0))).isEqualTo("响应");
        assertThat(english.slaTooltip(Sla.of(p1, T0, T0))).isEqualTo("Time left for the first response");
        assertThat(english.slaText(Sla.of(p1, T0, T0.plusSeconds(46)))).isEqualTo("0:00:14");
        assertThat(english.slaText(Sla.of(p1, T0, T0.plusSeconds(193)))).isEqualTo("\u22120:02:13");

        Issue acknowledged = Issues.with(p1).status(IssueStatus.ACKNOWLEDGED).build();
        assertThat(english.slaTooltip(Sla.of(acknowledged, T0, T0))).isEqualTo("Time left to resolve");
        Issue waiting = Issues.with(p1).status(IssueStatus.WAITING_MERCHANT).pauses(1, 0, T0).build();
        Sla paused = Sla.of(waiting, T0, T0.plus(Duration.ofHours(1)));
        assertThat(english.slaText(paused)).isEqualTo("4:00:00");
        assertThat(english.slaTarget(paused)).isEqualTo("Fix");
        assertThat(english.slaTooltip(paused))
                .isEqualTo("Waiting on the merchant: the resolution clock is paused with 4:00:00 left");
        Sla resolved = Sla.of(Issues.with(p1).status(IssueStatus.RESOLVED).resolvedAt(T0.plusSeconds(600)).build(),
                T0, T0);
        assertThat(english.slaText(resolved)).isEqualTo("Met");
        assertThat(english.slaTarget(resolved)).isEmpty();
        assertThat(english.slaTooltip(resolved)).isEqualTo(
                "Resolved: the first response and the resolution were on time");

        assertThat(Sla.clock(Duration.ofSeconds(3 * 3600 + 59 * 60 + 12))).isEqualTo("3:59:12");
        assertThat(Sla.clock(Duration.ofMillis(-1500))).isEqualTo("\u22120:00:01");
    }

    @Test
    void aLateFirstResponseStaysABreachUntilResolvedAndMarksTheResolvedIssue() {
        // Due in a minute, answered after three: the clock moves on to the resolution, the breach stays.
        Issue late = Issues.issue("late").priority(Priority.P1).due(T0.plusSeconds(60), T0.plus(Duration.ofHours(4)))
                .firstResponseAt(T0.plusSeconds(180)).status(IssueStatus.ACKNOWLEDGED).build();
        Sla acknowledged = Sla.of(late, T0, T0.plusSeconds(200));
        assertThat(acknowledged.kind()).isEqualTo(Sla.Kind.OK);
        assertThat(acknowledged.breached()).as("counted in the status bar").isTrue();
        assertThat(english.slaText(acknowledged)).isEqualTo("3:56:40");
        assertThat(english.slaTarget(acknowledged)).isEqualTo("Fix");
        assertThat(english.slaTooltip(acknowledged)).isEqualTo("Time left to resolve. The first response came 0:02:00 "
                + "late: this counts as a breach until resolved");

        Sla resolved = Sla.of(Issues.with(late).status(IssueStatus.RESOLVED).resolvedAt(T0.plusSeconds(900)).build(),
                T0, T0.plusSeconds(900));
        assertThat(resolved.kind()).isEqualTo(Sla.Kind.MISSED);
        assertThat(resolved.breached()).as("no longer open").isFalse();
        assertThat(english.slaText(resolved)).isEqualTo("Late 0:02:00");
        assertThat(chinese.slaText(resolved)).isEqualTo("超时 0:02:00");

        Issue slow = Issues.with(p1()).status(IssueStatus.RESOLVED).resolvedAt(T0.plus(Duration.ofHours(5))).build();
        assertThat(english.slaText(Sla.of(slow, T0, T0))).as("resolved an hour after its target").isEqualTo("Late 1:00:00");
    }

    private static Issue p1() {
        return Issues.issue("p1").priority(Priority.P1).due(T0.plusSeconds(60), T0.plus(Duration.ofHours(4))).build();
    }

    @Test
    void pausesSayHowOftenAndHowLongInTheUsersTimeZone() {
        Issue calm = Issues.issue("calm").build();
        assertThat(english.pauses(calm)).isEqualTo("Never");
        assertThat(english.pauses(Issues.with(calm).pauses(2, 754, T0.plusSeconds(3600)).build()))
                .isEqualTo("2 × waiting on the merchant, 0:12:34 in all; paused since 07:00:00");
        assertThat(english.pauses(Issues.with(calm).pauses(3, 3 * 3600, null).build()))
                .isEqualTo("3 × waiting on the merchant, 3:00:00 in all");
        assertThat(chinese.time(T0)).as("Shanghai is UTC+8").isEqualTo("14:00:00");
        assertThat(english.time(null)).isEmpty();
    }

    @Test
    void historyLinesSayWhoDidWhatAndWhen() {
        assertThat(english.historyLine(new IssueHistoryEntry(T0, "u-1", "李娜", "status",
                IssueStatus.NEW, IssueStatus.ACKNOWLEDGED, null, null)))
                .isEqualTo("Nov 23 06:00:00  李娜 · moved it from New to Acknowledged");
        assertThat(chinese.historyLine(new IssueHistoryEntry(T0, "u-1", "李娜", "claimed", null, null, null, null)))
                .as("the day in Shanghai, written the Chinese way").startsWith("11月23日 14:00:00");
        assertThat(english.historyLine(new IssueHistoryEntry(T0, null, null, "created", null, IssueStatus.NEW, null,
                null))).isEqualTo("Nov 23 06:00:00  System · opened the issue");
        assertThat(english.historyLine(new IssueHistoryEntry(T0, "u-1", "李娜", "rootCause", null, null, null,
                "weight-unit"))).isEqualTo("Nov 23 06:00:00  李娜 · tagged the root cause “Weight unit typed wrong (g / kg / 斤)”");
        assertThat(english.historyLine(new IssueHistoryEntry(T0, "u-1", "李娜", "rootCause", null, null, null,
                "own-words"))).as("a tag of the user's own").endsWith("“own-words”");
        assertThat(english.merchantFacts(Merchants.merchant("m-1", "杭州茶", "龙井", Tier.KA, "浙江", 88)))
                .startsWith("KA").contains("浙江").endsWith("Lighthouse 88");
    }

    @Test
    void theBannerSaysSinceWhenTheQueueIsNotCurrentAndWhyActionsWait() {
        Instant asOf = T0.plusSeconds(3723);
        assertThat(english.link(State.LIVE, null)).isEmpty();
        assertThat(english.link(State.CHECKING, null)).isEmpty();
        assertThat(english.link(State.RECONNECTING, asOf))
                .isEqualTo("Reconnecting… The queue shows what was known as of 07:02:03.");
        assertThat(english.link(State.OFFLINE, asOf)).isEqualTo("Offline. The queue shows what was known as of 07:02:03;"
                + " actions are disabled until the connection is back.");
        assertThat(english.link(State.STOPPED, asOf)).startsWith("The live feed stopped");

        assertThat(english.unavailable(State.LIVE, false)).isEmpty();
        assertThat(english.unavailable(State.LIVE, true)).isEqualTo("Still sending the previous action…");
        assertThat(english.unavailable(State.RECONNECTING, false))
                .isEqualTo("Offline: actions are disabled until the connection is back.");
        assertThat(english.unavailable(State.STOPPED, false))
                .isEqualTo("The live feed stopped: sign out and sign in again to act on issues.");
    }
}
