package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Bell;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.api.Release;
import io.lineone.client.common.ConsoleSettings;
import io.lineone.client.common.Theme;
import io.lineone.testing.BellsSeed;
import io.lineone.testing.ManagerBooks;
import io.lineone.testing.Screenshots;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TableView;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * The same screens under the dark theme: the app stylesheet uses only theme variables, so both work. Each test reads
 * the colours a person sees off the rendered nodes and compares them with AtlantaFX's Primer palettes.
 */
class ConsoleDarkThemeTest extends SeededConsoleTestBase {

    /** PrimerDark's {@code -color-bg-default}, {@code -color-bg-subtle} and {@code -color-fg-default}. */
    private static final Color DARK_BACKGROUND = Color.web("#0d1117");
    private static final Color DARK_SUBTLE_BACKGROUND = Color.web("#161b22");
    private static final Color DARK_TEXT = Color.web("#c9d1d9");
    /** The same three of PrimerLight: what a screen that ignored the theme would still show. */
    private static final Color LIGHT_BACKGROUND = Color.web("#ffffff");
    private static final Color LIGHT_SUBTLE_BACKGROUND = Color.web("#f6f8fa");
    private static final Color LIGHT_TEXT = Color.web("#24292f");

    @Start
    void start(Stage primary) {
        prepare(primary);
        // As a user who chose dark in the settings: the console starts in it.
        new ConsoleSettings(settings.console()).saveTheme(Theme.DARK);
    }

    @AfterEach
    void backToLight() {
        interact(Theme.LIGHT::applyGlobally);
    }

    @Test
    void mainWindowInDark() throws TimeoutException {
        open(Locale.ENGLISH, Optional.empty(), server, ManagerBooks.LI_NA);

        waitUntil(() -> showing("#merchantTable") && table().getItems().size() == 5);
        // The rows exist before their cells are laid out: wait for the cell, not just the item.
        waitUntil(() -> showing("Chengdu Hotpot Foods"));
        clickOn("Chengdu Hotpot Foods");
        waitUntil(() -> showing("#detailName"));

        assertThat(text("#detailName")).isEqualTo("Chengdu Hotpot Foods");
        assertThat(background("#content")).as("the content area").isEqualTo(DARK_BACKGROUND)
                .isNotEqualTo(LIGHT_BACKGROUND);
        assertThat(background(".nav-rail")).as("the navigation rail").isEqualTo(DARK_SUBTLE_BACKGROUND)
                .isNotEqualTo(LIGHT_SUBTLE_BACKGROUND);
        assertThat(textFill("#detailName")).as("the merchant's name").isEqualTo(DARK_TEXT).isNotEqualTo(LIGHT_TEXT);
        Screenshots.save(stage.getScene(), "main-merchants-dark-en");
    }

    @Test
    void issueQueueInDark() throws Exception {
        server.issue(books.liNasMerchants().get(2), Priority.P1, IssueCategory.PRICING_ERROR,
                "Hotpot base at ¥0.59 instead of ¥59", 86_000_00);
        Issue waiting = server.issue(books.liNasMerchants().get(0), Priority.P2, IssueCategory.AFTER_SALES,
                "Refund dispute needs the merchant's invoice", 1_200_00);
        server.patch(waiting.id(), new IssuePatch(IssueStatus.ACKNOWLEDGED, null, null));
        server.patch(waiting.id(), new IssuePatch(IssueStatus.WAITING_MERCHANT, "Asked for the invoice", null));
        server.issue(books.liNasMerchants().get(3), Priority.P3, IssueCategory.LOGISTICS, "Parcels stuck in Guangzhou", 0);
        open(Locale.ENGLISH, Optional.empty(), server, ManagerBooks.LI_NA);
        waitUntil(() -> showing("#navIssues"));
        clickOn("#navIssues");
        waitUntil(() -> showing("#issueTable") && fx(() -> lookup("#issueTable").queryAs(TableView.class)
                .getItems().size()) == 3);
        waitUntil(() -> lookup(".sla-paused").tryQuery().isPresent());
        interact(() -> {
            TableView<?> table = lookup("#issueTable").queryAs(TableView.class);
            table.getSelectionModel().select(1);
            table.requestFocus();
        });
        assertThat(background("#content")).as("behind the queue").isEqualTo(DARK_BACKGROUND)
                .isNotEqualTo(LIGHT_BACKGROUND);
        assertThat(textFill("Parcels stuck in Guangzhou")).as("an issue's title in the table").isEqualTo(DARK_TEXT)
                .isNotEqualTo(LIGHT_TEXT);
        Screenshots.save(stage.getScene(), "queue-dark-en");
    }

    @Test
    void bellsInDark() throws Exception {
        BellsSeed bells = new BellsSeed(server);
        Release release = bells.release("Coupon stacking rules");
        Issue evidence = bells.issue(books.liNasMerchants().get(1), release, "Coupons stack below cost", 4_200_00);
        Bell bell = bells.pull(ManagerBooks.LI_NA, release, List.of(evidence.id()));
        open(Locale.ENGLISH, Optional.empty(), server, ManagerBooks.LI_NA);
        waitUntil(() -> showing("#navBells"));
        clickOn("#navBells");
        waitUntil(() -> showing("#bellTable") && fx(() -> lookup("#bellTable").queryAs(TableView.class)
                .getItems().size()) == 1);
        interact(() -> lookup("#bellTable").queryAs(TableView.class).getSelectionModel().select(0));
        waitUntil(() -> showing("#detailReason") && text("#detailReason").equals(bell.reason()));

        assertThat(background("#content")).as("behind the bells").isEqualTo(DARK_BACKGROUND)
                .isNotEqualTo(LIGHT_BACKGROUND);
        assertThat(textFill("#detailReason")).as("the bell's reason").isEqualTo(DARK_TEXT).isNotEqualTo(LIGHT_TEXT);
        Screenshots.save(stage.getScene(), "bells-dark-en");
    }
}
