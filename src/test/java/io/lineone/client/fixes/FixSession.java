package io.lineone.client.fixes;

import io.lineone.api.Fix;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.ManualUiScheduler;
import io.lineone.client.common.Messages;
import io.lineone.client.net.Bells;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Listings;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A signed-in session's fixes over a {@link FakeBackend}: the feed, the actions, the dialog, recorded notices. */
public final class FixSession {

    public final FakeBackend backend = new FakeBackend();
    public final ConnectionStatus connection = new ConnectionStatus();
    public final ManualUiScheduler ui = new ManualUiScheduler();
    public final FixFeed feed = new FixFeed(ui);
    public final List<String> notices = new ArrayList<>();
    public final List<Fix> applied = new ArrayList<>();
    public final FixActions actions;
    public final FixDialogViewModel dialog;
    private int keys;

    public FixSession(Locale locale) {
        backend.listings.put("l-1", Listings.slipped("l-1", "m-1"));
        FixText text = new FixText(Messages.forLocale(locale), ZoneOffset.UTC);
        FixNotices recorder = new FixNotices() {
            @Override
            public void applied(Fix fix) {
                applied.add(fix);
                notices.add("applied " + fix.id());
            }

            @Override
            public void undone(Fix fix) {
                notices.add("undone " + fix.id());
            }

            @Override
            public void failed(String message) {
                notices.add("failed " + message);
            }
        };
        actions = new FixActions(backend, new CurrentThreadTaskExecutor(), text, connection, feed, recorder,
                Clock.fixed(Bells.T0.plusSeconds(120), ZoneOffset.UTC));
        dialog = new FixDialogViewModel(backend, new CurrentThreadTaskExecutor(), connection, actions,
                () -> "k-" + (++keys));
        connection.reportLive();
    }

    public FixSession() {
        this(Locale.ENGLISH);
    }
}
