package io.lineone.client.fixes;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Fix;
import io.lineone.api.FixKind;
import io.lineone.api.ListingStatus;
import io.lineone.client.fixes.FixDialogViewModel.Phase;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Listings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FixDialogViewModelTest {

    private final FixSession session = new FixSession();
    private final FixDialogViewModel dialog = session.dialog;
    private final FakeBackend backend = session.backend;

    private void openDelist() {
        dialog.open(FixKind.DELIST_LISTING, "l-1", "i-1", "Tea set 茶具");
    }

    @Test
    void thePreviewShowsBeforeAndAfterInWordsAndTheMoneyItSaves() {
        openDelist();

        assertThat(dialog.openProperty().get()).isTrue();
        assertThat(dialog.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(dialog.titleProperty().get()).isEqualTo("Delist the listing");
        assertThat(dialog.subjectProperty().get()).isEqualTo("Tea set 茶具");
        assertThat(dialog.changes()).containsExactly(new FixText.Change("Status", "Live", "Delisted"));
        assertThat(dialog.savesProperty().get()).isEqualTo("Saves ¥1,234.56");
        assertThat(dialog.canConfirmProperty().get()).isTrue();
        assertThat(backend.fixKeys).as("a preview applies nothing").isEmpty();
    }

    @Test
    void inChineseTheFieldsAndValuesAreChinese() {
        FixSession chinese = new FixSession(Locale.SIMPLIFIED_CHINESE);
        chinese.dialog.open(FixKind.DELIST_LISTING, "l-1", "i-1", "Tea set 茶具");

        assertThat(chinese.dialog.titleProperty().get()).isEqualTo("下架商品");
        assertThat(chinese.dialog.changes()).containsExactly(new FixText.Change("状态", "在售", "已下架"));
        assertThat(chinese.dialog.savesProperty().get()).isEqualTo("可避免损失 ¥1,234.56");
    }

    @Test
    void confirmAppliesTheFixOnceClosesAndTellsEveryoneAndTheToast() {
        List<Collection<Fix>> heard = new ArrayList<>();
        session.feed.onFixes(heard::add);
        openDelist();

        dialog.confirm();

        assertThat(backend.fixKeys).containsExactly("k-1");
        assertThat(backend.calls).contains("fix DELIST_LISTING l-1 v3");
        assertThat(backend.listings.get("l-1").status()).isEqualTo(ListingStatus.DELISTED);
        assertThat(dialog.openProperty().get()).isFalse();
        assertThat(session.notices).containsExactly("applied f-1");
        assertThat(heard).hasSize(1);
        dialog.confirm();
        assertThat(backend.fixKeys).as("a closed dialog sends nothing").hasSize(1);
    }

    @Test
    void aSendThatFailedOnTheWayIsRetriedWithTheSameKey() {
        openDelist();
        backend.failNext(FakeBackend.unreachable());

        dialog.confirm();

        assertThat(dialog.openProperty().get()).isTrue();
        assertThat(dialog.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(dialog.errorProperty().get()).contains("Cannot reach");
        assertThat(session.notices).isEmpty();

        dialog.confirm();
        assertThat(backend.fixKeys).containsExactly("k-1", "k-1");
        assertThat(session.notices).containsExactly("applied f-1");
    }

    @Test
    void aTargetChangedSinceThePreviewIsShownAfreshAndConfirmedWithANewKey() {
        openDelist();
        backend.listings.put("l-1", Listings.bumped(backend.listings.get("l-1")));

        dialog.confirm();

        assertThat(backend.fixKeys).containsExactly("k-1");
        assertThat(dialog.openProperty().get()).isTrue();
        assertThat(dialog.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(dialog.noticeProperty().get()).startsWith("Changed since you looked");
        assertThat(dialog.previewProperty().get().targetVersion()).isEqualTo(4);
        assertThat(session.notices).isEmpty();

        dialog.confirm();
        assertThat(backend.fixKeys).containsExactly("k-1", "k-2");
        assertThat(backend.calls).contains("fix DELIST_LISTING l-1 v4");
        assertThat(session.notices).containsExactly("applied f-1");
    }

    @Test
    void anotherManagersListingIsAClearMessageNotAPreview() {
        backend.failNext(FakeBackend.status(404));

        openDelist();

        assertThat(dialog.phaseProperty().get()).isEqualTo(Phase.FAILED);
        assertThat(dialog.changes()).isEmpty();
        assertThat(dialog.errorProperty().get()).isEqualTo(
                "This fix is not yours to make: the merchant is another manager’s, or the listing is gone.");
        assertThat(dialog.canConfirmProperty().get()).isFalse();
        dialog.cancel();
        assertThat(dialog.openProperty().get()).isFalse();
    }

    @Test
    void offlineNothingIsPreviewedOrSentAndTheDialogSaysWhy() {
        openDelist();
        session.connection.reportStreamDown(true);

        assertThat(dialog.canConfirmProperty().get()).isFalse();
        assertThat(dialog.unavailableReasonProperty().get()).startsWith("Offline");
        dialog.confirm();
        assertThat(backend.fixKeys).isEmpty();
        assertThat(dialog.errorProperty().get()).startsWith("Offline");

        dialog.cancel();
        int calls = backend.calls.size();
        openDelist();
        assertThat(backend.calls).as("no preview is read offline").hasSize(calls);
        assertThat(dialog.phaseProperty().get()).isEqualTo(Phase.FAILED);

        session.connection.reportLive();
        dialog.cancel();
        openDelist();
        assertThat(dialog.canConfirmProperty().get()).isTrue();
    }
}
