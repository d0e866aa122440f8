package io.lineone.client.merchants;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.ScorePoint;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.StatePanes;
import java.util.Locale;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Binds the merchant detail pane: head, scorecard and trend, open issues, fixes and the timeline. */
public final class MerchantDetailController {

    private final MerchantDetailViewModel model;

    @FXML private VBox detailPane;
    @FXML private ScrollPane detailScroll;
    @FXML private Label detailHint;
    @FXML private Label detailName;
    @FXML private Label detailShop;
    @FXML private Label detailScore;
    @FXML private Label detailTier;
    @FXML private Label detailRegion;
    @FXML private Label detailCategory;
    @FXML private Label detailManager;
    @FXML private Label detailOpen;
    @FXML private Label detailMoney;
    @FXML private Label detailContact;
    @FXML private Label scorecardLoading;
    @FXML private HBox scorecardErrorBox;
    @FXML private Label scorecardError;
    @FXML private Label scorecardEmpty;
    @FXML private VBox scorecardLines;
    @FXML private Label trendTitle;
    @FXML private ScoreSparkline trendChart;
    @FXML private Label trendText;
    @FXML private Label issuesEmpty;
    @FXML private VBox issuesList;
    @FXML private Label fixesLoading;
    @FXML private HBox fixesErrorBox;
    @FXML private Label fixesError;
    @FXML private Label fixesEmpty;
    @FXML private VBox fixesList;
    @FXML private Button fixesMore;
    @FXML private Label timelineLoading;
    @FXML private HBox timelineErrorBox;
    @FXML private Label timelineError;
    @FXML private Label timelineEmpty;
    @FXML private VBox timelineList;
    @FXML private Button timelineMore;

    private final Tooltip contactTooltip = new Tooltip();

    public MerchantDetailController(MerchantDetailViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        BooleanBinding hasDetail = model.headProperty().isNotNull();
        StatePanes.showWhenFirstNeeded(detailScroll, hasDetail);
        showWhen(detailHint, hasDetail.not());
        model.headProperty().addListener((obs, old, now) -> showHead(now));

        var card = model.scorecardStateProperty();
        showWhen(scorecardLoading, StatePanes.is(card, ScreenState.LOADING));
        showWhen(scorecardErrorBox, StatePanes.is(card, ScreenState.ERROR));
        scorecardError.textProperty().bind(model.scorecardErrorProperty());
        showWhen(scorecardEmpty, StatePanes.is(card, ScreenState.EMPTY));
        scorecardEmpty.textProperty().bind(model.scorecardEmptyTextProperty());
        showWhen(scorecardLines, StatePanes.is(card, ScreenState.READY));
        model.scores().addListener((ListChangeListener<DetailLines.Score>) c -> showScores());
        BooleanBinding anyTrend = StatePanes.is(card, ScreenState.READY).or(StatePanes.is(card, ScreenState.EMPTY)
                .and(model.trendTextProperty().isNotEmpty()));
        showWhen(trendTitle, anyTrend);
        showWhen(trendChart, anyTrend.and(javafx.beans.binding.Bindings.isNotEmpty(model.trend())));
        showWhen(trendText, anyTrend);
        trendText.textProperty().bind(model.trendTextProperty());
        model.trend().addListener((ListChangeListener<ScorePoint>) c -> trendChart.setPoints(model.trend()));

        showWhen(issuesEmpty, StatePanes.is(model.issuesStateProperty(), ScreenState.EMPTY));
        model.issues().addListener((ListChangeListener<DetailLines.OpenIssue>) c -> showIssues());

        bindSection(model.fixes(), fixesLoading, fixesErrorBox, fixesError, fixesEmpty, fixesList, fixesMore);
        model.fixes().lines().addListener((ListChangeListener<DetailLines.FixLine>) c -> showFixes());
        bindSection(model.timeline(), timelineLoading, timelineErrorBox, timelineError, timelineEmpty, timelineList,
                timelineMore);
        model.timeline().lines().addListener((ListChangeListener<DetailLines.Timeline>) c -> showTimeline());
    }

    private static void bindSection(PagedSection<?, ?> section, Label loading, HBox errorBox, Label error, Label empty,
                                    VBox list, Button more) {
        var state = section.stateProperty();
        showWhen(loading, StatePanes.is(state, ScreenState.LOADING));
        showWhen(errorBox, StatePanes.is(state, ScreenState.ERROR));
        error.textProperty().bind(section.errorProperty());
        showWhen(empty, StatePanes.is(state, ScreenState.EMPTY));
        showWhen(list, StatePanes.is(state, ScreenState.READY));
        showWhen(more, section.moreProperty());
        more.disableProperty().bind(section.loadingMoreProperty());
    }

    private void showHead(MerchantDetail detail) {
        if (detail == null) {
            return;
        }
        detailName.setText(detail.name());
        detailShop.setText(detail.shopName());
        detailScore.setText(detail.score());
        detailScore.getStyleClass().setAll(BandChipCell.styleClassesFor(detail.band()));
        detailTier.setText(detail.tier());
        detailRegion.setText(detail.region());
        detailCategory.setText(detail.category());
        detailManager.setText(detail.manager());
        detailOpen.setText(detail.openIssues());
        detailMoney.setText(detail.moneyAtRisk());
        detailContact.setText(detail.lastContact());
        contactTooltip.setText(detail.lastContactExact());
        detailContact.setTooltip(detail.lastContactExact().isEmpty() ? null : contactTooltip);
    }

    /** One line per metric: name, value, target, and a met/missed chip. */
    private void showScores() {
        scorecardLines.getChildren().clear();
        for (DetailLines.Score score : model.scores()) {
            Label name = new Label(score.label());
            name.getStyleClass().add("detail-key");
            Label value = new Label(score.value());
            value.setId(valueId(score.key()));
            value.getStyleClass().add("scorecard-value");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label verdict = new Label(score.verdict());
            verdict.getStyleClass().addAll("chip", score.met() ? "scorecard-met" : "scorecard-missed");
            HBox top = new HBox(8, name, gap, value, verdict);
            Label target = new Label(score.target());
            target.getStyleClass().addAll("text-muted", "scorecard-target");
            VBox line = new VBox(0, top, target);
            line.getStyleClass().add("scorecard-line");
            line.setUserData(score.key());
            line.setAccessibleText(score.label() + " " + score.value() + ", " + score.target() + ", " + score.verdict());
            scorecardLines.getChildren().add(line);
        }
    }

    /** The value labels keep the ids the head's metric labels had: detailShipping, detailDsr, … */
    private static String valueId(String key) {
        return switch (key) {
            case "shippingHours" -> "detailShipping";
            case "preSaleResponseSeconds" -> "detailPreSale";
            case "afterSaleResponseSeconds" -> "detailAfterSale";
            case "dsr" -> "detailDsr";
            case "disputeRate" -> "detailDisputeRate";
            default -> "detail-" + key.toLowerCase(Locale.ROOT);
        };
    }

    private void showIssues() {
        issuesList.getChildren().clear();
        for (DetailLines.OpenIssue issue : model.issues()) {
            Hyperlink link = new Hyperlink(issue.title());
            link.getStyleClass().add("merchant-issue-link");
            link.setWrapText(true);
            link.setOnAction(event -> model.openIssue(issue));
            Label meta = new Label(issue.meta());
            meta.getStyleClass().add("text-muted");
            issuesList.getChildren().add(new VBox(0, link, meta));
        }
    }

    private void showFixes() {
        fixesList.getChildren().clear();
        for (DetailLines.FixLine fix : model.fixes().lines()) {
            fixesList.getChildren().add(entry(fix.title(), fix.meta(), null, "merchant-fix"));
        }
    }

    private void showTimeline() {
        timelineList.getChildren().clear();
        for (DetailLines.Timeline entry : model.timeline().lines()) {
            VBox box = entry(entry.title(), entry.meta(), entry.exact(), "timeline-entry");
            box.getStyleClass().add("timeline-" + entry.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            timelineList.getChildren().add(box);
        }
    }

    private static VBox entry(String title, String meta, String exact, String styleClass) {
        Label head = new Label(title);
        head.setWrapText(true);
        Label sub = new Label(meta);
        sub.getStyleClass().add("text-muted");
        sub.setWrapText(true);
        if (exact != null && !exact.isEmpty()) {
            sub.setTooltip(new Tooltip(exact));
        }
        VBox box = new VBox(0, head, sub);
        box.getStyleClass().add(styleClass);
        return box;
    }

    @FXML
    private void retryScorecard() {
        model.readScorecard();
    }

    @FXML
    private void retryFixes() {
        model.fixes().retry();
    }

    @FXML
    private void moreFixes() {
        model.fixes().loadMore();
    }

    @FXML
    private void retryTimeline() {
        model.timeline().retry();
    }

    @FXML
    private void moreTimeline() {
        model.timeline().loadMore();
    }
}
