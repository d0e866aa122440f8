package io.lineone.client.main;

import io.lineone.api.Issue;
import io.lineone.api.Release;
import io.lineone.client.ledger.InsightsScope;
import io.lineone.client.ledger.InsightsText;
import io.lineone.client.ledger.InsightsViewModel;
import io.lineone.client.ledger.SuggestedBellsViewModel;
import io.lineone.client.net.BackendException;
import io.lineone.client.queue.PullBellViewModel;
import java.time.ZoneId;

/** Builds the ledger screen's insights for one session: their reads, the bell dialog, the live changes they follow. */
final class LedgerInsights {

    private LedgerInsights() {
    }

    static InsightsViewModel build(ScreenContext context) {
        InsightsText text = new InsightsText(context.messages(), context.issueText(), ZoneId.systemDefault());
        SuggestedBellsViewModel.Evidence evidence = new SuggestedBellsViewModel.Evidence() {
            @Override
            public Release release(String id) throws BackendException {
                return context.backend().bells().release(id);
            }

            @Override
            public Issue issue(String id) throws BackendException {
                return context.backend().issues().issue(id);
            }
        };
        InsightsViewModel insights = new InsightsViewModel(context.backend().insights(), context.executor(),
                context.connection(), text, InsightsScope.of(context.me().role()), context.issues().nowProperty(),
                (pulled, notice) -> new PullBellViewModel(context.backend(), context.executor(), context.messages(),
                        context.connection(), context.issueText(), context.bells()::knownReleases, bell -> {
                            context.bells().put(bell);
                            pulled.accept(bell);
                        }, notice),
                evidence, context.links()::open);
        // New and changed issues move the counts; bells and releases move the suggestions.
        insights.follow(context.issues().rows(), context.bells().bells(), context.bells().releases());
        return insights;
    }
}
