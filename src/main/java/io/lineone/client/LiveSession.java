package io.lineone.client;

import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.client.bells.BellAlerts;
import io.lineone.client.bells.BellText;
import io.lineone.client.bells.LiveBells;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.FxUiScheduler;
import io.lineone.client.common.IssueLinks;
import io.lineone.client.common.MerchantLinks;
import io.lineone.client.common.Messages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.common.Toasts;
import io.lineone.client.fixes.FixActions;
import io.lineone.client.fixes.FixDialogViewModel;
import io.lineone.client.fixes.FixFeed;
import io.lineone.client.fixes.FixText;
import io.lineone.client.fixes.FixToasts;
import io.lineone.client.net.Backend;
import io.lineone.client.notices.NoticeLog;
import io.lineone.client.queue.DesktopAlerts;
import io.lineone.client.queue.IssueText;
import io.lineone.client.queue.LiveConversations;
import io.lineone.client.queue.LiveIssues;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What one signed-in session keeps live, whichever screen is shown: the issues, which own the session's one event
 * stream and hand its bell, release, listing and fix events on, the bells, the fixes, and the alerts they raise.
 */
record LiveSession(ConnectionStatus connection, IssueText issueText, Toasts toasts, IssueLinks links,
                   MerchantLinks merchantLinks, DesktopAlerts alerts, LiveIssues issues, BellText bellText,
                   LiveBells bells, FixActions fixes, FixDialogViewModel fixDialog) {

    /**
     * Wires the session's live parts for {@code me}; what must be closed at sign-out is added to {@code session}.
     * The stream itself starts with {@code issues().start()}, once the window is up.
     *
     * @param drafts what the user had typed and not sent, kept when the same session is built again
     */
    static LiveSession start(User me, Backend backend, TaskExecutor executor, Messages messages, NoticeLog notices,
                             boolean notifications, Optional<LiveConversations.Drafts> drafts,
                             List<AutoCloseable> session) {
        ConnectionStatus connection = new ConnectionStatus();
        IssueText issueText = new IssueText(messages, ZoneId.systemDefault(), me.id());
        // The live issues run from sign-in on, seen or not: the status bar counts their breaches, new P1s alert.
        Toasts toasts = new Toasts(messages);
        IssueLinks links = new IssueLinks();
        MerchantLinks merchantLinks = new MerchantLinks();
        DesktopAlerts alerts = new DesktopAlerts(messages, issueText, toasts, notices, links::open);
        alerts.popUp(notifications);
        FxUiScheduler ui = new FxUiScheduler();
        LiveIssues issues = new LiveIssues(backend, executor, ui, new ErrorMessages(messages),
                connection, Clock.systemUTC(), alerts);
        drafts.ifPresent(issues.conversations()::restore);
        if (me.role() == Role.MANAGER) {
            issues.keepQueueOf(me.id());
        }
        BellText bellText = new BellText(messages, ZoneId.systemDefault());
        LiveBells bells = new LiveBells(backend, executor, ui, new ErrorMessages(messages), connection,
                new BellAlerts(me, bellText, alerts::notify));
        issues.alsoTell(bells.listener());
        // A manager hears of every merchant of theirs who writes; a supervisor's team would drown her in them.
        if (me.role() == Role.MANAGER) {
            issues.conversations().alertWith(alerts);
        }
        FixFeed fixFeed = new FixFeed(ui);
        issues.alsoTell(fixFeed.listener());
        // A merchant moved out of a manager's book takes its issues out of their queue; one moved in brings its own.
        fixFeed.onMerchants(issues::merchantsChanged);
        FixText fixText = new FixText(messages, ZoneId.systemDefault());
        FixToasts fixToasts = new FixToasts(toasts, fixText, fixFeed);
        FixActions fixes = new FixActions(backend, executor, fixText, connection, fixFeed, fixToasts,
                Clock.systemUTC());
        fixToasts.undoWith(fixes);
        FixDialogViewModel fixDialog = new FixDialogViewModel(backend, executor, connection, fixes);
        session.add(fixFeed);
        session.add(issues);
        session.add(bells);
        session.add(alerts);
        session.addAll(SessionProbes.attach(issues, connection));
        return new LiveSession(connection, issueText, toasts, links, merchantLinks, alerts, issues, bellText, bells,
                fixes, fixDialog);
    }
}
