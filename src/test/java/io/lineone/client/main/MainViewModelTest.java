package io.lineone.client.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Role;
import io.lineone.api.Session;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.InMemoryServerSettings;
import io.lineone.client.common.Messages;
import io.lineone.client.common.SignedIn;
import io.lineone.client.common.UserSettings;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.notices.Notice;
import io.lineone.client.notices.NoticeLog;
import java.time.Instant;
import java.util.Locale;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.junit.jupiter.api.Test;

class MainViewModelTest {

    private final FakeBackend backend = new FakeBackend();
    private final ConnectionStatus connection = new ConnectionStatus();
    private final ReadOnlyIntegerWrapper breaches = new ReadOnlyIntegerWrapper();
    private final NoticeLog notices = new NoticeLog();
    private final UserSettings userSettings = new InMemoryServerSettings(null).forUser("http://team:7070", "u-1");
    private int signedOut;

    private MainViewModel model(boolean demo, Locale locale) {
        Session session = new Session("t", Instant.parse("2030-01-01T00:00:00Z"), FakeBackend.USER);
        return new MainViewModel(new SignedIn(session, "http://team:7070", demo), backend,
                new CurrentThreadTaskExecutor(), Messages.forLocale(locale), connection, breaches.getReadOnlyProperty(),
                notices, userSettings, () -> signedOut++);
    }

    @Test
    void statusBarShowsUserRoleServerAndVersion() {
        MainViewModel model = model(false, Locale.ENGLISH);
        assertThat(model.connectionTextProperty().get()).isEqualTo("Connecting…");

        model.refreshHealth();

        assertThat(model.userText()).isEqualTo("李娜 · Account manager");
        assertThat(model.connectionTextProperty().get()).isEqualTo("Connected to http://team:7070");
        assertThat(model.serverVersionProperty().get()).isEqualTo("Server 0.1.0-test");
        assertThat(model.windowTitle()).isEqualTo("LineOne");
        assertThat(model.demo()).isFalse();
    }

    @Test
    void unreachableServerShowsOffline() {
        MainViewModel model = model(false, Locale.ENGLISH);
        backend.failNext(FakeBackend.unreachable());

        model.refreshHealth();

        assertThat(connection.state()).isEqualTo(ConnectionStatus.State.OFFLINE);
        assertThat(model.connectionTextProperty().get()).isEqualTo("Offline: cannot reach http://team:7070, trying again every few seconds");
    }

    @Test
    void demoWorkspaceIsNamedInTitleAndStatus() {
        MainViewModel model = model(true, Locale.ENGLISH);
        model.refreshHealth();
        assertThat(model.demo()).isTrue();
        assertThat(model.windowTitle()).isEqualTo("LineOne — Demo workspace");
        assertThat(model.connectionTextProperty().get()).isEqualTo("Connected to the demo workspace on this computer");
    }

    @Test
    void theWindowSpeaksTheUsersLanguage() {
        MainViewModel chinese = model(true, Locale.SIMPLIFIED_CHINESE);
        assertThat(chinese.windowTitle()).isEqualTo("LineOne — 演示工作区");
        assertThat(chinese.userText()).isEqualTo("李娜 · 客户经理");
    }

    @Test
    void theScreenLeftLastIsWhereTheUserComesBackUnlessTheirRoleMayNotGoThere() {
        MainViewModel first = model(false, Locale.ENGLISH);
        assertThat(first.sectionProperty().get()).isEqualTo(Section.MERCHANTS);
        first.sectionProperty().set(Section.LEDGER);

        assertThat(model(false, Locale.ENGLISH).sectionProperty().get()).as("the next sign-in").isEqualTo(Section.LEDGER);

        userSettings.put(MainViewModel.LAST_SECTION, "NO_SUCH_SCREEN");
        assertThat(model(false, Locale.ENGLISH).sectionProperty().get()).isEqualTo(Section.MERCHANTS);
    }

    @Test
    void signOutLeavesEvenWhenTheServerCannotBeTold() {
        MainViewModel model = model(false, Locale.ENGLISH);
        backend.failNext(FakeBackend.unreachable());

        model.signOut();

        assertThat(backend.signOutCalls).isEqualTo(1);
        assertThat(signedOut).isEqualTo(1);
    }

    @Test
    void aProductOwnerLandsOnBellsASupervisorOnTheTeamsQueueEveryoneElseOnTheirMerchants() {
        assertThat(MainViewModel.landing(Role.PRODUCT_OWNER)).isEqualTo(Section.BELLS);
        assertThat(MainViewModel.landing(Role.MANAGER)).isEqualTo(Section.MERCHANTS);
        assertThat(MainViewModel.landing(Role.SUPERVISOR)).isEqualTo(Section.ISSUES);
        assertThat(model(false, Locale.ENGLISH).sectionProperty().get()).isEqualTo(Section.MERCHANTS);
    }

    @Test
    void theEventStreamMakesTheStatusLiveAndItsDropsShow() {
        MainViewModel model = model(false, Locale.ENGLISH);
        connection.reportLive();
        assertThat(model.connectionTextProperty().get()).isEqualTo("Live · connected to http://team:7070");

        model.refreshHealth();
        assertThat(connection.state()).as("a call's success keeps a live stream live").isEqualTo(ConnectionStatus.State.LIVE);

        connection.reportStreamDown(false);
        assertThat(model.connectionTextProperty().get()).isEqualTo("Reconnecting to http://team:7070…");
        connection.reportStreamDown(true);
        assertThat(model.connectionTextProperty().get()).isEqualTo("Offline: cannot reach http://team:7070, trying again every few seconds");
    }

    @Test
    void theStatusBarCountsOpenSlaBreaches() {
        MainViewModel english = model(false, Locale.ENGLISH);
        MainViewModel chinese = model(false, Locale.SIMPLIFIED_CHINESE);
        assertThat(english.breachTextProperty().get()).isEqualTo("No SLA breaches");
        assertThat(english.hasBreaches()).isFalse();

        breaches.set(3);

        assertThat(english.breachTextProperty().get()).isEqualTo("3 open SLA breaches");
        assertThat(chinese.breachTextProperty().get()).isEqualTo("3 个未结问题 SLA 超时");
        assertThat(english.hasBreaches()).isTrue();
        breaches.set(1);
        assertThat(english.breachTextProperty().get()).isEqualTo("1 open SLA breach");
    }

    @Test
    void noticesCountAsUnreadUntilTheCentreIsOpenAndWhileItIsOpen() {
        MainViewModel model = model(false, Locale.ENGLISH);
        notices.add(new Notice(Notice.Kind.URGENT, "New P1", "", "i1", Instant.EPOCH));
        notices.add(new Notice(Notice.Kind.BELL, "Bell", "", null, Instant.EPOCH));
        assertThat(model.unreadNoticesProperty().get()).isEqualTo(2);
        assertThat(model.unreadBadge(2)).isEqualTo("2");

        model.sectionProperty().set(Section.NOTICES);
        assertThat(model.unreadNoticesProperty().get()).isZero();
        notices.add(new Notice(Notice.Kind.MESSAGE, "Seen at once", "", "i2", Instant.EPOCH));
        assertThat(model.unreadNoticesProperty().get()).as("arrives while the centre is open").isZero();

        model.sectionProperty().set(Section.ISSUES);
        notices.add(new Notice(Notice.Kind.URGENT, "Later", "", "i3", Instant.EPOCH));
        assertThat(model.unreadNoticesProperty().get()).isEqualTo(1);
        assertThat(model.unreadBadge(0)).isEmpty();
        assertThat(model.unreadBadge(150)).isEqualTo("99+");
    }

    @Test
    void aFoldedRailIsRememberedForTheUser() {
        MainViewModel first = model(false, Locale.ENGLISH);
        assertThat(first.railCollapsedProperty().get()).isFalse();
        first.railCollapsedProperty().set(true);

        assertThat(model(false, Locale.ENGLISH).railCollapsedProperty().get()).isTrue();
    }
}
