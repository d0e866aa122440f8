package io.lineone.client.merchants;

import io.lineone.api.ScorePoint;
import java.util.List;
import javafx.scene.AccessibleRole;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;

/**
 * A score's trend drawn as a line on the 0–100 scale, with the band floors as faint rules and the latest score as a
 * dot: a glance, not a chart to read (the numbers are in the text beside it). Lighter than a {@code LineChart}: one
 * polyline, redrawn on resize. Styled by {@code score-trend-line}, {@code score-trend-rule}, {@code score-trend-dot}.
 */
public final class ScoreSparkline extends Region {

    private static final int[] RULES = {85, 70, 55};
    private final Polyline line = new Polyline();
    private final Circle dot = new Circle(3);
    private final Line[] rules = new Line[RULES.length];
    private List<ScorePoint> points = List.of();

    public ScoreSparkline() {
        getStyleClass().add("score-trend");
        for (int i = 0; i < rules.length; i++) {
            rules[i] = new Line();
            rules[i].getStyleClass().add("score-trend-rule");
            getChildren().add(rules[i]);
        }
        line.getStyleClass().add("score-trend-line");
        dot.getStyleClass().add("score-trend-dot");
        getChildren().addAll(line, dot);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setMinHeight(40);
    }

    /** The history to draw, oldest first. */
    public void setPoints(List<ScorePoint> history) {
        points = List.copyOf(history);
        requestLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 200;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 56;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double x0 = snappedLeftInset();
        double y0 = snappedTopInset();
        for (int i = 0; i < rules.length; i++) {
            double y = y0 + h - h * RULES[i] / 100.0;
            rules[i].setStartX(x0);
            rules[i].setEndX(x0 + w);
            rules[i].setStartY(y);
            rules[i].setEndY(y);
        }
        line.getPoints().clear();
        int n = points.size();
        dot.setVisible(n > 0);
        if (n == 0) {
            return;
        }
        Double[] coordinates = new Double[n * 2];
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? x0 + w : x0 + w * i / (n - 1);
            double y = y0 + h - h * Math.max(0, Math.min(100, points.get(i).score())) / 100.0;
            coordinates[2 * i] = x;
            coordinates[2 * i + 1] = y;
        }
        line.getPoints().setAll(coordinates);
        dot.setCenterX(coordinates[2 * n - 2]);
        dot.setCenterY(coordinates[2 * n - 1]);
    }
}
