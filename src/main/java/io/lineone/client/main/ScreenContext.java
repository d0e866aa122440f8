package io.lineone.client.main;

import io.lineone.api.User;
import io.lineone.client.bells.BellText;
import io.lineone.client.bells.LiveBells;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.IssueLinks;
import io.lineone.client.common.MerchantLinks;
import io.lineone.client.common.Messages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.common.UserSettings;
import io.lineone.client.fixes.FixActions;
import io.lineone.client.fixes.FixDialogViewModel;
import io.lineone.client.merchants.BookSnapshots;
import io.lineone.client.net.Backend;
import io.lineone.client.notices.NoticeLog;
import io.lineone.client.queue.IssueText;
import io.lineone.client.queue.LiveIssues;
import io.lineone.client.settings.SettingsScreen;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;

/**
 * What the screens of one signed-in session are built from: the wiring makes one per sign-in, and each
 * {@link Section} builds its view model and controllers from it.
 *
 * @param issues     the session's live issues, running from sign-in on
 * @param bells      the session's live releases and bells, running from sign-in on
 * @param bellText   how releases and bells read, in the user's language and time zone
 * @param issueText  how issues read, in the user's language and time zone
 * @param links      issues asked to be shown (a notification's click), for the queue to show
 * @param merchantLinks merchants asked to be shown (a search result), for the merchants screen to show
 * @param notices    the session's notification centre
 * @param userSettings what the console remembers for this user (columns, sort, views)
 * @param navigate   turns the main window to a section
 * @param fixes      the session's one-click fixes (availability, undo, the live listings and fixes)
 * @param fixDialog  the fix dialog over every screen
 * @param firstReady called once a screen first became usable (the console logs its cold-start time)
 * @param settings   what the settings screen works on
 * @param bookSnapshot the user's kept book, which the merchants screen shows until the server's arrives, then keeps
 */
public record ScreenContext(Backend backend, TaskExecutor executor, Messages messages, ConnectionStatus connection,
                            LiveIssues issues, IssueText issueText, LiveBells bells, BellText bellText, User me,
                            IssueLinks links, MerchantLinks merchantLinks, NoticeLog notices,
                            UserSettings userSettings, Consumer<Section> navigate, FixActions fixes,
                            FixDialogViewModel fixDialog, Runnable firstReady, SettingsScreen settings,
                            BookSnapshots.Slot bookSnapshot) {

    /** Reports {@link #firstReady} as soon as {@code state} shows something other than the spinner. */
    void readyWhenLoaded(ObservableValue<ScreenState> state) {
        state.addListener((obs, before, now) -> {
            if (now != ScreenState.LOADING) {
                firstReady.run();
            }
        });
    }
}
