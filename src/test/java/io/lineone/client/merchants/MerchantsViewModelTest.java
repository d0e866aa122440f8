package io.lineone.client.merchants;

import static io.lineone.testing.Merchants.merchant;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Band;
import io.lineone.api.Merchant;
import io.lineone.api.Tier;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.DeferredTaskExecutor;
import io.lineone.client.common.Messages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.FakeBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MerchantsViewModelTest {

    private static final List<Merchant> BOOK = List.of(
            merchant("m1", "杭州西湖茶叶有限公司", "西湖龙井旗舰店", Tier.KA, "浙江", 91),
            merchant("m2", "Hangzhou Silk Co.", "Silk Road Outlet", Tier.SME, "浙江", 72),
            merchant("m3", "成都火锅食品", "蜀香坊 杭州分店", Tier.SME, "四川", 58),
            merchant("m4", "Guangzhou Tea House", "ＧＺ Tea", Tier.KA, "广东", 40));

    private final FakeBackend backend = new FakeBackend().withMerchants(BOOK);
    private final ConnectionStatus connection = new ConnectionStatus();

    private MerchantsViewModel model(TaskExecutor executor, Locale locale) {
        return new MerchantsViewModel(backend, executor, Messages.forLocale(locale), connection);
    }

    private MerchantsViewModel loaded() {
        MerchantsViewModel model = model(new CurrentThreadTaskExecutor(), Locale.ENGLISH);
        model.load();
        return model;
    }

    private static List<String> ids(MerchantsViewModel model) {
        return model.visibleRows().stream().map(row -> row.merchant().id()).toList();
    }

    @Test
    void loadsEveryPageOfTheBook() {
        List<Merchant> big = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            big.add(merchant("m" + i, "商家" + i, "店" + i, Tier.SME, "浙江", i % 100));
        }
        backend.withMerchants(big);

        MerchantsViewModel model = loaded();

        assertThat(model.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(model.visibleRows()).hasSize(1_234);
        assertThat(model.countTextProperty().get()).isEqualTo("1,234 merchants");
        assertThat(connection.state()).isEqualTo(ConnectionStatus.State.ONLINE);
    }

    @Test
    void showsLoadingUntilTheBookArrives() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        MerchantsViewModel model = model(executor, Locale.ENGLISH);

        model.load();

        assertThat(model.stateProperty().get()).isEqualTo(ScreenState.LOADING);
        executor.runAll();
        assertThat(model.stateProperty().get()).isEqualTo(ScreenState.READY);
    }

    @Test
    void anEmptyBookIsItsOwnState() {
        backend.withMerchants(List.of());
        MerchantsViewModel model = loaded();
        assertThat(model.stateProperty().get()).isEqualTo(ScreenState.EMPTY);
        assertThat(model.countTextProperty().get()).isEqualTo("No merchants");
    }

    @Test
    void failureShowsAClearMessageAndRetryRecovers() {
        MerchantsViewModel model = model(new CurrentThreadTaskExecutor(), Locale.ENGLISH);
        backend.failNext(FakeBackend.unreachable());

        model.load();

        assertThat(model.stateProperty().get()).isEqualTo(ScreenState.ERROR);
        assertThat(model.errorProperty().get()).startsWith("Cannot reach the server at http://fake");
        assertThat(connection.state()).isEqualTo(ConnectionStatus.State.OFFLINE);

        model.load();

        assertThat(model.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(connection.state()).isEqualTo(ConnectionStatus.State.ONLINE);
    }

    @Test
    void anOlderLoadAnsweringLastIsIgnored() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        MerchantsViewModel model = model(executor, Locale.ENGLISH);
        model.load();
        model.load();

        executor.runLast();
        backend.failNext(FakeBackend.unreachable());
        executor.runNext();

        assertThat(model.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(model.visibleRows()).hasSize(4);
    }

    @Test
    void searchMatchesNameOrShopIncludingChinese() {
        MerchantsViewModel model = loaded();

        model.queryProperty().set("杭州");
        assertThat(ids(model)).containsExactly("m1", "m3");

        model.queryProperty().set("hangzhou");
        assertThat(ids(model)).as("the Latin name, and the Chinese ones by their pinyin").containsExactly("m1", "m2", "m3");

        model.queryProperty().set("hz");
        assertThat(ids(model)).as("pinyin initials, as typed for 杭州").containsExactly("m1", "m3");

        model.queryProperty().set("  SILK road ");
        assertThat(ids(model)).containsExactly("m2");

        model.queryProperty().set("龙井");
        assertThat(ids(model)).containsExactly("m1");

        model.queryProperty().set("");
        assertThat(ids(model)).hasSize(4);
    }

    @Test
    void everyWordMustMatchAndFullWidthLettersFold() {
        MerchantsViewModel model = loaded();

        model.queryProperty().set("tea guangzhou");
        assertThat(ids(model)).containsExactly("m4");

        model.queryProperty().set("gz tea");
        assertThat(ids(model)).containsExactly("m4");

        model.queryProperty().set("ＧＵＡＮＧＺＨＯＵ");
        assertThat(ids(model)).containsExactly("m4");
    }

    @Test
    void aTermDoesNotMatchAcrossNameAndShop() {
        MerchantsViewModel model = loaded();
        model.queryProperty().set("co.silk");
        assertThat(ids(model)).isEmpty();
    }

    @Test
    void tierFilterCombinesWithSearchAndCountsWhatIsShown() {
        MerchantsViewModel model = loaded();

        model.tierProperty().set(TierChoice.KA);
        assertThat(ids(model)).containsExactly("m1", "m4");
        assertThat(model.countTextProperty().get()).isEqualTo("2 of 4 merchants");

        model.queryProperty().set("杭州");
        assertThat(ids(model)).containsExactly("m1");

        model.tierProperty().set(TierChoice.ALL);
        assertThat(ids(model)).containsExactly("m1", "m3");
        assertThat(model.countTextProperty().get()).isEqualTo("2 of 4 merchants");
    }

    @Test
    void noMatchNamesWhatWasTyped() {
        MerchantsViewModel model = loaded();
        model.queryProperty().set("上海");
        assertThat(model.visibleRows()).isEmpty();
        assertThat(model.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(model.noMatchTextProperty().get()).isEqualTo("No merchant matches “上海”.");
        model.queryProperty().set("");
        assertThat(model.noMatchTextProperty().get()).isEqualTo("No merchant matches the filters.");
    }

    @Test
    void chineseCountsAndDetail() {
        MerchantsViewModel model = model(new CurrentThreadTaskExecutor(), Locale.SIMPLIFIED_CHINESE);
        model.load();
        assertThat(model.countTextProperty().get()).isEqualTo("共 4 个商家");
        model.select(BOOK.get(0));
        MerchantDetail detail = model.detailProperty().get();
        assertThat(detail.score()).isEqualTo("91 · 绿");
        assertThat(detail.shippingHours()).isEqualTo("18.5 小时");
        assertThat(detail.tier()).isEqualTo("KA");
    }

    @Test
    void selectingShowsAFormattedScorecardRefreshedFromTheServer() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        MerchantsViewModel model = model(executor, Locale.ENGLISH);
        model.load();
        executor.runAll();
        Merchant stale = BOOK.get(1);

        model.select(stale);

        MerchantDetail detail = model.detailProperty().get();
        assertThat(detail.name()).isEqualTo("Hangzhou Silk Co.");
        assertThat(detail.score()).isEqualTo("72 · Blue");
        assertThat(detail.band()).isEqualTo(Band.BLUE);
        assertThat(detail.shippingHours()).isEqualTo("18.5 h");
        assertThat(detail.preSaleResponse()).isEqualTo("19 s");
        assertThat(detail.afterSaleResponse()).isEqualTo("95 s");
        assertThat(detail.dsr()).isEqualTo("4.82 / 5");
        assertThat(detail.disputeRate()).isEqualTo("0.35%");
        assertThat(detail.region()).isEqualTo("浙江");
        assertThat(detail.category()).isEqualTo("食品");

        Merchant fresh = merchant("m2", "Hangzhou Silk Co.", "Silk Road Outlet", Tier.SME, "浙江", 88);
        backend.withMerchants(List.of(fresh));
        executor.runAll();
        assertThat(model.detailProperty().get().score()).isEqualTo("88 · Green");

        model.select(null);
        assertThat(model.detailProperty().get()).isNull();
    }

    @Test
    void aLateRefreshOfAnotherMerchantDoesNotReplaceTheSelection() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        MerchantsViewModel model = model(executor, Locale.ENGLISH);
        model.load();
        executor.runAll();

        model.select(BOOK.get(0));
        model.select(BOOK.get(3));
        executor.runNext();

        assertThat(model.detailProperty().get().id()).isEqualTo("m4");
    }

    @Test
    void fiftyThousandRowsFilterToTheRightCount() {
        List<Merchant> big = new ArrayList<>(50_000);
        for (int i = 0; i < 50_000; i++) {
            String city = i % 10 == 0 ? "杭州" : "成都";
            big.add(merchant("m" + i, city + "商家" + i, "Shop " + i, i % 2 == 0 ? Tier.KA : Tier.SME, "浙江", i % 100));
        }
        backend.withMerchants(big);
        MerchantsViewModel model = loaded();

        model.queryProperty().set("杭州");
        assertThat(model.visibleRows()).hasSize(5_000);
        model.tierProperty().set(TierChoice.SME);
        assertThat(model.visibleRows()).isEmpty();
        model.tierProperty().set(TierChoice.KA);
        model.queryProperty().set("shop 4999");
        assertThat(ids(model)).containsExactly("m49990", "m49992", "m49994", "m49996", "m49998");
    }
}
