package io.lineone.client.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;

/** A part hidden at first stays out of the scene graph until it first shows, then keeps its place for good. */
class StatePanesTest {

    @Test
    void aHiddenPartJoinsItsParentWhereItWasTheFirstTimeItShows() {
        Region content = new Region();
        Region loading = new Region();
        Region error = new Region();
        StackPane parent = new StackPane(content, loading, error);
        SimpleBooleanProperty failed = new SimpleBooleanProperty(false);

        StatePanes.showWhenFirstNeeded(error, failed);
        assertThat(parent.getChildren()).containsExactly(content, loading);
        assertThat(error.isVisible()).isFalse();

        failed.set(true);
        assertThat(parent.getChildren()).containsExactly(content, loading, error);
        assertThat(error.isVisible()).isTrue();

        failed.set(false);
        assertThat(parent.getChildren()).as("stays, hidden").containsExactly(content, loading, error);
        assertThat(error.isVisible()).isFalse();
    }

    @Test
    void aPartShownFromTheStartOrPlacedByABorderPaneSlotStaysWhereItIs() {
        Region shown = new Region();
        StackPane stack = new StackPane(shown);
        StatePanes.addWhenFirstShown(shown, new SimpleBooleanProperty(true));
        assertThat(stack.getChildren()).containsExactly(shown);

        Region left = new Region();
        BorderPane border = new BorderPane();
        border.setLeft(left);
        StatePanes.addWhenFirstShown(left, new SimpleBooleanProperty(false));
        assertThat(border.getLeft()).isSameAs(left);
    }

    @Test
    void aPartLeftOutIsGoneFromItsParentWhateverItsKind() {
        Region panel = new Region();
        BorderPane border = new BorderPane();
        border.setLeft(panel);
        StatePanes.leaveOut(panel);
        assertThat(border.getLeft()).isNull();
        assertThat(border.getChildren()).isEmpty();
    }
}
