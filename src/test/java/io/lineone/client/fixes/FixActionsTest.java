package io.lineone.client.fixes;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Fix;
import io.lineone.api.FixKind;
import io.lineone.api.FixStatus;
import io.lineone.api.ListingStatus;
import io.lineone.client.net.FakeBackend;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixActionsTest {

    private final FixSession session = new FixSession();

    private Fix applied() {
        session.dialog.open(FixKind.DELIST_LISTING, "l-1", "i-1", "Tea set 茶具");
        session.dialog.confirm();
        return session.applied.get(0);
    }

    @Test
    void undoPutsTheListingBackAndEveryoneHearsOfIt() {
        Fix fix = applied();
        List<Fix> heard = new ArrayList<>();
        session.feed.onFixes(heard::addAll);
        assertThat(session.actions.canUndo(fix)).isTrue();

        session.actions.undo(fix);

        assertThat(session.backend.listings.get("l-1").status()).isEqualTo(ListingStatus.LIVE);
        assertThat(heard).singleElement().extracting(Fix::status).isEqualTo(FixStatus.UNDONE);
        assertThat(session.notices).containsExactly("applied f-1", "undone f-1");
        assertThat(session.actions.canUndo(heard.get(0))).as("an undone fix is undone").isFalse();
    }

    @Test
    void offlineUndoIsNotSentAndSaysWhy() {
        Fix fix = applied();
        session.connection.reportStreamDown(false);

        assertThat(session.actions.canUndo(fix)).isFalse();
        session.actions.undo(fix);

        assertThat(session.backend.calls).doesNotContain("undo f-1");
        assertThat(session.notices).last().asString().startsWith("failed Offline");
    }

    @Test
    void anUndoTheServerRefusesSaysWhy() {
        Fix fix = applied();
        session.backend.failNext(FakeBackend.status(409));

        session.actions.undo(fix);

        assertThat(session.notices).last().asString().startsWith("failed Could not undo");
    }
}
