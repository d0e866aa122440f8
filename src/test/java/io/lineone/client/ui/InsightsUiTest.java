package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lineone.api.Bell;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Merchant;
import io.lineone.api.NewRelease;
import io.lineone.api.Page;
import io.lineone.api.Priority;
import io.lineone.api.Release;
import io.lineone.api.ReleaseAdvance;
import io.lineone.api.ReleaseStage;
import io.lineone.api.Role;
import io.lineone.api.SuggestedBell;
import io.lineone.client.ledger.BucketRow;
import io.lineone.testing.Screenshots;
import io.lineone.testing.TestServer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * Ledger & insights against the real backend: a manager's categories over time show the issues seeded into her book
 * (the chart's layers and, a click away, their numbers), by day and by hour; first responses against 19 s; and a
 * release whose rollout was followed by a rise of logistics issues is a suggested bell that one button and one
 * confirmation turn into a real bell, after which it is no longer suggested.
 */
class InsightsUiTest extends ConsoleTestBase {

    private static final String REASON_START = "Since “发货时效预估” began rolling out";

    private static TestServer server;
    private static TestServer.Account liNa;
    private static TestServer.Account owner;
    private static String release;
    private static final List<Issue> logistics = new ArrayList<>();

    @BeforeAll
    static void seed() {
        server = TestServer.onH2().systemClock().start();
        liNa = server.account(Role.MANAGER, "li.na", "李娜");
        TestServer.Account wangWei = server.account(Role.MANAGER, "wang.wei", "王伟");
        owner = server.account(Role.PRODUCT_OWNER, "zhao.lei", "赵磊");
        String admin = server.adminToken();
        // The release starts rolling out first: every logistics issue below comes after its start.
        release = server.api().post("/releases", admin, new NewRelease("物流", "发货时效预估", "2.1.0", owner.id()))
                .as(Release.class).id();
        server.api().post("/releases/" + release + "/advance", owner.token(),
                new ReleaseAdvance(ReleaseStage.ROLLING_OUT, 100)).as(Release.class);
        List<Merchant> hers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            hers.add(server.merchantOf(liNa));
        }
        Merchant theirs = server.merchantOf(wangWei);
        for (int i = 0; i < 3; i++) {
            logistics.add(server.issue(hers.get(i), Priority.P2, IssueCategory.LOGISTICS, "物流停滞 " + i, 50_000));
        }
        List<Issue> pricing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pricing.add(server.issue(hers.get(i % 3), Priority.P3, IssueCategory.PRICING_ERROR, "价格异常 " + i,
                    10_000));
        }
        server.issue(theirs, Priority.P2, IssueCategory.PRICING_ERROR, "另一位经理的问题", 10_000);
        // Two of hers answered: two first responses, both well under 19 s.
        server.patch(pricing.get(0).id(), new IssuePatch(IssueStatus.ACKNOWLEDGED, null, "小数点错位"));
        server.patch(pricing.get(1).id(), new IssuePatch(IssueStatus.ACKNOWLEDGED, null, "小数点错位"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    private void openInsights(Locale locale) throws TimeoutException {
        open(locale, Optional.empty(), server, "li.na");
        waitUntil(() -> showing("#navLedger"));
        clickOn("#navLedger");
        waitUntil(() -> showing("#ledgerRoot"));
        waitUntil(() -> fx(() -> lookup("#connectionLabel").query().getStyleClass().contains("connection-live")));
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> tableOf(String id) {
        return (TableView<T>) lookup(id).queryAs(TableView.class);
    }

    private BucketRow today() {
        String label = LocalDate.now(ZoneOffset.UTC).getMonthValue() + "/" + LocalDate.now(ZoneOffset.UTC)
                .getDayOfMonth();
        return fx(() -> this.<BucketRow>tableOf("#catTable").getItems().stream()
                .filter(row -> row.label().equals(label)).findFirst().orElse(null));
    }

    /** The number the table shows in {@code row} under the category's column, read from the column itself. */
    private String cell(BucketRow row, IssueCategory category) {
        return fx(() -> {
            TableColumn<BucketRow, ?> column = this.<BucketRow>tableOf("#catTable").getColumns().stream()
                    .filter(c -> ("catColumn-" + category.name()).equals(c.getId())).findFirst().orElseThrow();
            return String.valueOf(column.getCellObservableValue(row).getValue());
        });
    }

    @Test
    void theCategoriesChartShowsTheSeededIssuesByDayAndByHourAndItsNumbersAreAClickAway() throws Exception {
        openInsights(Locale.ENGLISH);
        assertThat(text("#insightsScope")).isEqualTo("Your book");
        clickOn("#categoriesTab");
        waitUntil(() -> showing("#catChart") && today() != null);

        @SuppressWarnings("unchecked")
        StackedAreaChart<Number, Number> chart = lookup("#catChart").queryAs(StackedAreaChart.class);
        assertThat(fx(() -> chart.getData().stream().map(XYChart.Series::getName).toList()))
                .as("a layer per category of her book, largest first").containsExactly("Pricing error", "Logistics");
        assertThat(text("#catSummary")).isEqualTo("7 issues in 2 categories");
        assertThat(fx(() -> tableOf("#catTable").getItems().size())).as("a row per day of the week").isEqualTo(7);

        clickOn("#catTableToggle");
        waitUntil(() -> showing("#catTable") && !showing("#catChart"));
        BucketRow today = today();
        assertThat(cell(today, IssueCategory.PRICING_ERROR)).as("another book's issue is not hers").isEqualTo("4");
        assertThat(cell(today, IssueCategory.LOGISTICS)).isEqualTo("3");
        assertThat(today.total()).isEqualTo(7);
        assertThat(fx(() -> tableOf("#rootCauseTable").getItems().size())).isEqualTo(1);
        Screenshots.save(stage.getScene(), "insights-categories-table-en");

        clickOn("#catByHour");
        waitUntil(() -> fx(() -> tableOf("#catTable").getItems().size()) == 7 * 24);
        int total = fx(() -> this.<BucketRow>tableOf("#catTable").getItems().stream().mapToInt(BucketRow::total)
                .sum());
        assertThat(total).isEqualTo(7);
        assertThat(fx(() -> this.<BucketRow>tableOf("#catTable").getItems().get(0).label())).contains(":00");
        clickOn("#catTableToggle");
        waitUntil(() -> showing("#catChart"));
        Screenshots.save(stage.getScene(), "insights-categories-hourly-en");

        clickOn("#responseTab");
        waitUntil(() -> showing("#respChart") && !text("#respShare").isEmpty());
        assertThat(text("#respShare")).isEqualTo("100%");
        assertThat(text("#respCount")).isEqualTo("of 2 first responses");
        clickOn("#respTableToggle");
        waitUntil(() -> showing("#respTable"));
        assertThat(fx(() -> tableOf("#respTable").getItems().size())).isEqualTo(9);
    }

    private List<Bell> bellsOnTheRelease() {
        return server.api().get("/bells?releaseId=" + release, server.adminToken())
                .as(new TypeReference<Page<Bell>>() { }).items();
    }

    @Test
    void aSuggestedBellBecomesARealBellAndIsSuggestedNoMore() throws Exception {
        openInsights(Locale.ENGLISH);
        clickOn("#bellsTab");
        waitUntil(() -> fx(() -> tableOf("#suggestionTable").getItems().size()) == 1);
        SuggestedBell suggestion = fx(() -> this.<SuggestedBell>tableOf("#suggestionTable").getItems().get(0));
        assertThat(suggestion.releaseId()).isEqualTo(release);
        assertThat(suggestion.merchants()).isEqualTo(3);
        Screenshots.save(stage.getScene(), "insights-suggested-bells-en");

        clickOn(".insights-pull");
        waitUntil(() -> showing("#pullSheet"));
        @SuppressWarnings("unchecked")
        ComboBox<Release> releases = lookup("#releaseBox").queryAs(ComboBox.class);
        assertThat(fx(() -> releases.getValue().id())).isEqualTo(release);
        assertThat(text("#impactLabel")).isEqualTo("3 issues · 3 merchants · ¥1,500.00 at risk");
        assertThat(fx(() -> lookup("#reasonField").queryAs(TextArea.class).getText())).startsWith(REASON_START);
        Screenshots.save(stage.getScene(), "insights-pull-bell-en");

        clickOn("#pullSend");
        waitUntil(() -> bellsOnTheRelease().size() == 1);
        Bell bell = bellsOnTheRelease().get(0);
        assertThat(bell.evidenceIssueIds()).containsExactlyInAnyOrderElementsOf(
                logistics.stream().map(Issue::id).toList());
        waitUntil(() -> !showing("#pullSheet") && showing("#bellEmpty"));
        assertThat(text("#bellNotice")).startsWith("Bell pulled on “发货时效预估”");
    }
}
