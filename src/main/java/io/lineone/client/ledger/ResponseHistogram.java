package io.lineone.client.ledger;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;

/** A bar chart of first-response times with the 19 s mark drawn between the last bar under it and the first over. */
final class ResponseHistogram extends BarChart<String, Number> {

    private final Line mark = new Line();
    private final Label markLabel = new Label();
    /** How many bars lie under the mark; the mark is drawn after them. */
    private int barsUnder;

    ResponseHistogram(String markText) {
        super(new CategoryAxis(), new NumberAxis());
        setAnimated(false);
        getXAxis().setAnimated(false);
        getYAxis().setAnimated(false);
        setLegendVisible(false);
        setCategoryGap(6);
        getStyleClass().add("insights-chart");
        mark.getStyleClass().add("insights-mark");
        markLabel.getStyleClass().add("insights-mark-label");
        markLabel.setText(markText);
        markLabel.setManaged(false);
        mark.setManaged(false);
        getPlotChildren().addAll(mark, markLabel);
    }

    void markAfter(int bars) {
        this.barsUnder = bars;
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        CategoryAxis x = (CategoryAxis) getXAxis();
        var categories = x.getCategories();
        boolean drawn = barsUnder > 0 && barsUnder < categories.size();
        mark.setVisible(drawn);
        markLabel.setVisible(drawn);
        if (!drawn) {
            return;
        }
        double at = (x.getDisplayPosition(categories.get(barsUnder - 1)) + x.getDisplayPosition(categories.get(barsUnder))) / 2;
        double height = getYAxis().getHeight();
        mark.setStartX(at);
        mark.setEndX(at);
        mark.setStartY(0);
        mark.setEndY(height);
        mark.toFront();
        markLabel.autosize();
        markLabel.relocate(at + 4, 2);
        markLabel.toFront();
    }
}
