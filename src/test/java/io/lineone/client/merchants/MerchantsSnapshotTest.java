package io.lineone.client.merchants;

import static io.lineone.client.merchants.BookMerchants.NOW;
import static io.lineone.client.merchants.BookMerchants.merchant;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Merchant;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.api.User;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.DeferredTaskExecutor;
import io.lineone.client.common.ManualUiScheduler;
import io.lineone.client.common.Messages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.net.FakeBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** My merchants at the session's start: the last session's book at once, then the server's in its place. */
class MerchantsSnapshotTest {

    private static final User LI_NA = new User("u-1", "li.na", "李娜", Role.MANAGER);
    private static final Merchant TEA = merchant("m1", "杭州西湖茶叶有限公司", "西湖龙井旗舰店", Tier.KA, 91, 2, 1_500_00, NOW,
            "u-1", "李娜");
    private static final Merchant SILK = merchant("m2", "Hangzhou Silk Co.", "Silk Road Outlet", Tier.SME, 72, 0, 0,
            null, "u-1", "李娜");
    private static final Merchant GONE = merchant("m3", "成都火锅食品", "蜀香坊 杭州分店", Tier.SME, 58, 1, 20_00, NOW,
            "u-1", "李娜");
    /** The tea merchant as the server has it now: the same version, counts changed since the snapshot. */
    private static final Merchant TEA_NOW = merchant("m1", "杭州西湖茶叶有限公司", "西湖龙井旗舰店", Tier.KA, 91, 5, 9_900_00,
            NOW, "u-1", "李娜");

    @TempDir
    Path data;

    private final FakeBackend backend = new FakeBackend().withMerchants(List.of(TEA_NOW, SILK));
    private final DeferredTaskExecutor network = new DeferredTaskExecutor();

    private MerchantsViewModel model(BookSnapshots store, User me) {
        LiveSources sources = new LiveSources(new ManualUiScheduler(), me.id(), FXCollections.observableArrayList(),
                id -> { }, l -> { }, l -> { }, l -> { }, r -> { });
        BookText text = new BookText(Messages.forLocale(Locale.ENGLISH), ZoneOffset.UTC,
                Clock.fixed(NOW.plus(Duration.ofHours(3)), ZoneOffset.UTC));
        return new MerchantsViewModel(backend, network, text, new ConnectionStatus(), false, sources,
                new SimpleObjectProperty<>(), store.slot(BookSnapshots.DEMO, me, new CurrentThreadTaskExecutor()));
    }

    @Test
    void theKeptBookShowsAtOnceMarkedThenTheServersReplacesItKeepingTheSearch() throws Exception {
        BookSnapshots store = BookSnapshots.in(data);
        store.write(BookSnapshot.of(BookSnapshots.DEMO, LI_NA, NOW, List.of(TEA, SILK, GONE)));
        MerchantsViewModel model = model(store, LI_NA);

        model.load();

        assertThat(model.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(model.visibleRows()).extracting(MerchantRow::id).containsExactlyInAnyOrder("m1", "m2", "m3");
        assertThat(model.fromSnapshotProperty().get()).isTrue();
        assertThat(model.asOfTextProperty().get()).startsWith("As of ").endsWith("connecting…");
        assertThat(model.filters().categories()).contains("食品");
        // Searchable by pinyin and sortable before any server answered.
        model.filters().queryProperty().set("hangzhou");
        assertThat(model.visibleRows()).extracting(MerchantRow::id).containsExactlyInAnyOrder("m1", "m2", "m3");
        model.filters().queryProperty().set("xihu");
        MerchantRow tea = model.visibleRows().get(0);
        assertThat(model.visibleRows()).containsExactly(tea);

        network.runAll();

        assertThat(model.fromSnapshotProperty().get()).isFalse();
        assertThat(model.asOfTextProperty().get()).isEmpty();
        // The same row, now with the server's counts; the search typed meanwhile still applies.
        assertThat(model.visibleRows()).containsExactly(tea);
        assertThat(tea.merchant().openIssues()).isEqualTo(5);
        assertThat(tea.merchant().moneyAtRiskCents()).isEqualTo(9_900_00);
        model.filters().queryProperty().set("");
        // What only the snapshot had is gone.
        assertThat(model.visibleRows()).extracting(MerchantRow::id).containsExactlyInAnyOrder("m1", "m2");
        // And the server's book is kept for the next start.
        assertThat(store.read(BookSnapshots.DEMO, "li.na").orElseThrow().rows())
                .extracting(row -> row.merchant().id()).containsExactlyInAnyOrder("m1", "m2");
    }

    @Test
    void anotherUsersBookIsNeverShown() throws Exception {
        BookSnapshots store = BookSnapshots.in(data);
        store.write(BookSnapshot.of(BookSnapshots.DEMO, LI_NA, NOW, List.of(TEA, SILK, GONE)));
        MerchantsViewModel model = model(store, new User("u-9", "li.na", "李娜", Role.MANAGER));

        model.load();

        assertThat(model.stateProperty().get()).isEqualTo(ScreenState.LOADING);
        assertThat(model.visibleRows()).isEmpty();
        assertThat(model.fromSnapshotProperty().get()).isFalse();
    }

    @Test
    void withoutAKeptBookTheScreenLoadsAsAlways() {
        MerchantsViewModel model = model(BookSnapshots.in(data), LI_NA);

        model.load();
        assertThat(model.stateProperty().get()).isEqualTo(ScreenState.LOADING);
        network.runAll();

        assertThat(model.visibleRows()).extracting(MerchantRow::id).containsExactlyInAnyOrder("m1", "m2");
        assertThat(model.fromSnapshotProperty().get()).isFalse();
    }
}
