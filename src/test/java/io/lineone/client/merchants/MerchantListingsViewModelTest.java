package io.lineone.client.merchants;

import static io.lineone.testing.Merchants.merchant;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.FixKind;
import io.lineone.api.FixOption;
import io.lineone.api.Listing;
import io.lineone.api.ListingStatus;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantCash;
import io.lineone.api.PricePoint;
import io.lineone.api.Tier;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.ScreenState;
import io.lineone.client.fixes.FixDialogViewModel.Phase;
import io.lineone.client.fixes.FixSession;
import io.lineone.client.net.Bells;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Listings;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MerchantListingsViewModelTest {

    private final FixSession session = new FixSession();
    private final FakeBackend backend = session.backend;
    private final Merchant tea = merchant("m-1", "张记茶庄", "张记旗舰店", Tier.KA, "杭州", 82);
    private MerchantListingsViewModel listings;

    @BeforeEach
    void setUp() {
        backend.cash.put("m-1", new MerchantCash("m-1", 1_000_00, 5_000_00, false, true, Bells.T0, 2));
        backend.prices.put("l-1", List.of(new PricePoint(9_90, Bells.T0, "feed", true),
                new PricePoint(990_00, Bells.T0.minusSeconds(86_400), "feed", false)));
        backend.listingFixes.put("l-1", List.of(new FixOption(FixKind.DELIST_LISTING, "l-1", "Tea set 茶具"),
                new FixOption(FixKind.RESTORE_PRICE, "l-1", "Tea set 茶具")));
        listings = new MerchantListingsViewModel(backend, new CurrentThreadTaskExecutor(), session.connection,
                session.actions, session.dialog);
    }

    @Test
    void aMerchantsListingsWithTheirFlagsAndItsCash() {
        listings.show(tea);

        assertThat(listings.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(listings.headingProperty().get()).isEqualTo("Listings of 张记茶庄");
        assertThat(listings.rows()).singleElement().satisfies(row -> assertThat(row.listing().anomalies())
                .extracting(listings.text()::anomaly).containsExactly("Decimal slip", "Below cost"));
        assertThat(listings.cashProperty().get().shortOfCash()).isTrue();
        assertThat(listings.cashTextProperty().get()).isEqualTo("Cash ¥1,000.00 · next automatic deduction ¥5,000.00");
    }

    @Test
    void theSelectedListingShowsItsPriceHistoryAndTheFixesThatApply() {
        listings.show(tea);
        listings.select(listings.rows().get(0));

        assertThat(listings.prices()).extracting(PricePoint::priceCents).containsExactly(9_90L, 990_00L);
        assertThat(listings.options()).extracting(listings::fixLabel)
                .containsExactly("Delist the listing", "Restore the last good price");

        listings.fix(listings.options().get(0));
        assertThat(session.dialog.openProperty().get()).isTrue();
        assertThat(session.dialog.phaseProperty().get()).isEqualTo(Phase.READY);
    }

    @Test
    void aListingEventMovesItsRowWithoutARead() {
        listings.show(tea);
        listings.select(listings.rows().get(0));
        int reads = backend.calls.size();
        Listing delisted = Listings.with(backend.listings.get("l-1"), ListingStatus.DELISTED);

        session.feed.listener().onListing(9, "listing.updated", delisted);
        session.feed.listener().onListing(10, "listing.updated", Listings.slipped("l-9", "m-other"));
        session.ui.frame();

        assertThat(listings.rows()).singleElement()
                .satisfies(row -> assertThat(row.listing().status()).isEqualTo(ListingStatus.DELISTED));
        assertThat(backend.calls.subList(reads, backend.calls.size()))
                .as("only the selected listing's history and fixes are read again")
                .containsExactly("prices l-1", "options l-1");
    }

    @Test
    void aMerchantEventReadsItsCashAgain() {
        listings.show(tea);
        backend.cash.put("m-1", new MerchantCash("m-1", 1_000_00, 5_000_00, true, false, Bells.T0, 3));

        session.feed.listener().onMerchant(11, "merchant.updated", tea);
        session.ui.frame();

        assertThat(listings.cashProperty().get().autoDeductionPaused()).isTrue();
        assertThat(listings.cashProperty().get().shortOfCash()).isFalse();
    }

    @Test
    void noMerchantNoListingsAndAFailedReadSaysWhy() {
        listings.show(null);
        assertThat(listings.headingProperty().get()).isEmpty();

        backend.failNext(FakeBackend.unreachable());
        listings.show(tea);
        assertThat(listings.stateProperty().get()).isEqualTo(ScreenState.ERROR);
        assertThat(listings.errorProperty().get()).contains("Cannot reach");
    }
}
