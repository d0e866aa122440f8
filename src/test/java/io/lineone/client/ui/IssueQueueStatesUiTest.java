package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.IssueCategory;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.FxmlLoaderFactory;
import io.lineone.client.common.InMemoryServerSettings;
import io.lineone.client.common.ManualUiScheduler;
import io.lineone.client.common.Messages;
import io.lineone.client.common.Theme;
import io.lineone.client.net.EventStream;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Issues;
import io.lineone.client.queue.IssueQueueController;
import io.lineone.client.queue.IssueQueueViewModel;
import io.lineone.client.queue.IssueRow;
import io.lineone.client.queue.IssueText;
import io.lineone.client.queue.LiveIssues;
import io.lineone.testing.MutableClock;
import io.lineone.testing.Screenshots;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * The queue's countdown colours, rendered from a view model on a hand-moved clock: amber under a quarter of
 * the window, red and negative once breached, a pause sign while waiting on the merchant; light and dark.
 */
class IssueQueueStatesUiTest extends ConsoleTestBase {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");
    /** {@code -color-danger-fg} of PrimerLight and of PrimerDark: the red of a breached countdown. */
    private static final Color LIGHT_DANGER = Color.web("#cf222e");
    private static final Color DARK_DANGER = Color.web("#f85149");

    private final FakeBackend backend = new FakeBackend();
    private final ManualUiScheduler ui = new ManualUiScheduler();
    private final MutableClock clock = new MutableClock(T0);
    private LiveIssues issues;

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    @AfterEach
    void light() {
        if (issues != null) {
            issues.close();
        }
        interact(Theme.LIGHT::applyGlobally);
    }

    private void show(Theme theme) {
        // Now is T0 + 10 min: one issue is past due, one nearly, one paused, one comfortable.
        backend.issues.put("red", Issues.issue("red").priority(Priority.P1).money(200_000_00)
                .title("Tea set at ¥9.90 instead of ¥990").due(T0.plusSeconds(60), T0.plus(Duration.ofHours(4))).build());
        backend.issues.put("amber", Issues.issue("amber").priority(Priority.P2).category(IssueCategory.COUPON_OVERSPEND)
                .title("Coupons stack below cost").createdAt(T0.plusSeconds(240)).due(T0.plusSeconds(540 + 132),
                        T0.plus(Duration.ofHours(24))).build());
        backend.issues.put("paused", Issues.issue("paused").priority(Priority.P2).status(IssueStatus.WAITING_MERCHANT)
                .category(IssueCategory.AFTER_SALES).assignee(FakeBackend.USER.id(), "李娜")
                .title("Refund needs the merchant's invoice").due(T0.plusSeconds(300), T0.plus(Duration.ofHours(23)))
                .build());
        backend.issues.put("ok", Issues.issue("ok").priority(Priority.P3).category(IssueCategory.LOGISTICS)
                .title("Parcels stuck in Guangzhou").build());
        backend.issues.put("late", Issues.issue("late").priority(Priority.P2).category(IssueCategory.PRICING_ERROR)
                .title("Answered after its target").due(T0.plusSeconds(60), T0.plus(Duration.ofHours(24)))
                .firstResponseAt(T0.plusSeconds(180)).status(IssueStatus.ACKNOWLEDGED).build());
        clock.set(T0.plus(Duration.ofMinutes(10)));
        if (issues != null) {
            issues.close();
        }
        interact(() -> {
            theme.applyGlobally();
            Messages messages = Messages.forLocale(Locale.ENGLISH);
            ConnectionStatus connection = new ConnectionStatus();
            CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
            issues = new LiveIssues(backend, executor, ui, new ErrorMessages(messages), connection, clock, issue -> { });
            IssueQueueViewModel queue = new IssueQueueViewModel(issues, backend, executor, messages, connection,
                    new IssueText(messages, ZoneOffset.UTC, FakeBackend.USER.id()), FakeBackend.USER);
            Parent view = new FxmlLoaderFactory(messages.bundle()).load("/io/lineone/client/queue/IssueQueueView.fxml",
                    IssueQueueController.controllers(queue, new InMemoryServerSettings(null).forUser("", "u-1")));
            Scene scene = new Scene(view, 1000, 420);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
            issues.start();
            backend.streamListener.onOpen(EventStream.Opened.FIRST);
        });
    }

    private List<String> styles(String rowId) {
        return fx(() -> lookup(".sla-cell").queryAll().stream()
                .filter(n -> n.getParent() instanceof TableRow<?> row && row.getItem() != null
                        && ((IssueRow) row.getItem()).id().equals(rowId))
                .findFirst().map(n -> List.copyOf(n.getStyleClass())).orElse(List.of()));
    }

    @Test
    void countdownsInLightAndDark() throws TimeoutException {
        show(Theme.LIGHT);
        waitUntil(() -> !styles("red").isEmpty());
        assertThat(styles("red")).contains("sla-breached");
        assertThat(styles("amber")).contains("sla-warning");
        assertThat(styles("paused")).contains("sla-paused");
        assertThat(styles("ok")).contains("sla-ok");
        assertThat(styles("late")).as("a late first response keeps its mark on the resolution clock")
                .contains("sla-ok", "sla-late-reply");
        assertThat(issues.openBreachesProperty().get()).as("the past-due one and the late reply").isEqualTo(2);
        // The cell's own text node shows what is drawn: "…" where the column is too narrow.
        assertThat(fx(() -> lookup(".sla-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> cell.getText() != null)
                .flatMap(cell -> cell.getChildrenUnmodifiable().stream().filter(Text.class::isInstance)
                        .map(node -> ((Text) node).getText()).filter(drawn -> !drawn.equals(cell.getText())))
                .toList())).as("no countdown cut short at 1000 px").isEmpty();
        assertThat(textFill(".sla-breached")).as("a breached countdown, light").isEqualTo(LIGHT_DANGER);
        Screenshots.save(stage.getScene(), "queue-sla-states-en");

        // One tick of the shared clock moves every countdown.
        String before = fx(() -> lookup(".sla-breached").queryLabeled().getText());
        clock.advance(Duration.ofSeconds(1));
        interact(ui::tick);
        assertThat(fx(() -> lookup(".sla-breached").queryLabeled().getText())).isNotEqualTo(before).startsWith("\u2212");

        show(Theme.DARK);
        waitUntil(() -> styles("red").contains("sla-breached"));
        assertThat(textFill(".sla-breached")).as("a breached countdown, dark").isEqualTo(DARK_DANGER);
        Screenshots.save(stage.getScene(), "queue-sla-states-dark-en");
    }
}
