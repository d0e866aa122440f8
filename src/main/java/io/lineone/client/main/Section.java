package io.lineone.client.main;

import io.lineone.client.bells.BellsController;
import io.lineone.client.bells.BellsViewModel;
import io.lineone.client.ledger.LedgerController;
import io.lineone.client.ledger.InsightsViewModel;
import io.lineone.client.ledger.LedgerViewModel;
import io.lineone.client.merchants.MerchantListingsViewModel;
import io.lineone.client.merchants.MerchantsController;
import io.lineone.client.merchants.MerchantsViewModel;
import io.lineone.client.notices.NoticesController;
import io.lineone.client.notices.NoticesViewModel;
import io.lineone.client.queue.IssueQueueController;
import io.lineone.client.queue.IssueQueueViewModel;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The places the navigation rail leads to, in its order, and for each built one its view and how its controllers
 * are made: a new screen is an entry here and a folder of its own. The rail's items name their section in
 * {@code userData}.
 */
public enum Section {
    MERCHANTS("/io/lineone/client/merchants/MerchantsView.fxml", context -> {
        MerchantsViewModel model = new MerchantsViewModel(context.backend(), context.executor(), context.messages(),
                context.connection(), MainViewModel.seesWholeTeam(context.me().role()));
        context.readyWhenLoaded(model.stateProperty());
        model.showAskedFor(context.merchantLinks());
        MerchantListingsViewModel listings = new MerchantListingsViewModel(context.backend(), context.executor(),
                context.connection(), context.fixes(), context.fixDialog());
        return Map.of(MerchantsController.class, () -> new MerchantsController(model, listings));
    }),
    ISSUES("/io/lineone/client/queue/IssueQueueView.fxml", context -> {
        IssueQueueViewModel model = new IssueQueueViewModel(context.issues(), context.backend(), context.executor(),
                context.messages(), context.connection(), context.issueText(), context.me(),
                context.bells()::knownReleases, context.bells()::put);
        model.showAskedFor(context.links());
        model.fixes().use(context.fixes(), context.fixDialog());
        return IssueQueueController.controllers(model, context.userSettings());
    }),
    BELLS("/io/lineone/client/bells/BellsView.fxml", context -> BellsController.controllers(
            new BellsViewModel(context.bells(), context.backend(), context.executor(), context.messages(),
                    context.connection(), context.bellText(), context.me(), context.issues().nowProperty()))),
    LEDGER("/io/lineone/client/ledger/LedgerView.fxml", context -> {
        LedgerViewModel model = new LedgerViewModel(context.backend(), context.executor(), context.fixes(),
                context.connection(), MainViewModel.seesWholeTeam(context.me().role()), ZoneId.systemDefault(),
                context.issues().nowProperty());
        InsightsViewModel insights = LedgerInsights.build(context);
        return LedgerController.controllers(model, insights);
    }),
    NOTICES("/io/lineone/client/notices/NoticesView.fxml", context -> {
        NoticesViewModel model = new NoticesViewModel(context.notices(), context.messages(), ZoneId.systemDefault(),
                context.links()::open, () -> context.navigate().accept(BELLS));
        return Map.of(NoticesController.class, () -> new NoticesController(model));
    }),
    SETTINGS;

    private final String fxml;
    private final Function<ScreenContext, Map<Class<?>, Supplier<?>>> controllers;

    /** Not built in this release: the content area says it comes later. */
    Section() {
        this(null, null);
    }

    /**
     * @param fxml        the view, as a class-path resource
     * @param controllers the controllers of the view and of the views it includes, built for one session
     */
    Section(String fxml, Function<ScreenContext, Map<Class<?>, Supplier<?>>> controllers) {
        this.fxml = fxml;
        this.controllers = controllers;
    }

    public boolean built() {
        return fxml != null;
    }

    public String fxml() {
        return fxml;
    }

    public Map<Class<?>, Supplier<?>> controllers(ScreenContext context) {
        return controllers.apply(context);
    }

    /** The bundle key of the section's name, as on the rail. */
    public String titleKey() {
        return "main.nav." + name().toLowerCase(Locale.ROOT);
    }
}
