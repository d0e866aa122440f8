package io.lineone.client.main;

import io.lineone.client.bells.BellsController;
import io.lineone.client.bells.BellsViewModel;
import io.lineone.client.ledger.LedgerController;
import io.lineone.client.ledger.InsightsViewModel;
import io.lineone.client.ledger.LedgerViewModel;
import io.lineone.client.common.FxUiScheduler;
import io.lineone.client.merchants.BookProbe;
import io.lineone.client.merchants.BookText;
import io.lineone.client.merchants.LiveSources;
import io.lineone.client.merchants.MerchantDetailController;
import io.lineone.client.merchants.MerchantListingsViewModel;
import io.lineone.client.merchants.MerchantsController;
import io.lineone.client.merchants.MerchantsViewModel;
import io.lineone.client.notices.NoticesController;
import io.lineone.client.notices.NoticesViewModel;
import io.lineone.client.queue.IssueQueueController;
import io.lineone.client.queue.IssueQueueViewModel;
import io.lineone.client.settings.SettingsController;
import io.lineone.client.settings.SettingsViewModel;
import java.time.Clock;
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
        BookText text = new BookText(context.messages(), ZoneId.systemDefault(), Clock.systemUTC());
        LiveSources live = LiveSources.of(new FxUiScheduler(), context.me().id(), context.issues(),
                context.fixes().feed(), context.links()::open);
        MerchantsViewModel model = new MerchantsViewModel(context.backend(), context.executor(), text,
                context.connection(), MainViewModel.seesWholeTeam(context.me().role()), live,
                context.issues().asOfProperty(), context.bookSnapshot());
        context.readyWhenLoaded(model.stateProperty());
        model.showAskedFor(context.merchantLinks());
        MerchantListingsViewModel listings = new MerchantListingsViewModel(context.backend(), context.executor(),
                context.connection(), context.fixes(), context.fixDialog());
        BookProbe probe = BookProbe.fromSystemProperty().orElse(null);
        return Map.of(MerchantsController.class, () -> new MerchantsController(model, listings, probe),
                MerchantDetailController.class, () -> new MerchantDetailController(model.detail()));
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
    SETTINGS("/io/lineone/client/settings/SettingsView.fxml", context -> {
        SettingsViewModel model = new SettingsViewModel(context.settings(), context.backend(), context.executor(),
                context.messages());
        return Map.of(SettingsController.class, () -> new SettingsController(model, context.messages()));
    });

    private final String fxml;
    private final Function<ScreenContext, Map<Class<?>, Supplier<?>>> controllers;

    /**
     * @param fxml        the view, as a class-path resource
     * @param controllers the controllers of the view and of the views it includes, built for one session
     */
    Section(String fxml, Function<ScreenContext, Map<Class<?>, Supplier<?>>> controllers) {
        this.fxml = fxml;
        this.controllers = controllers;
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
