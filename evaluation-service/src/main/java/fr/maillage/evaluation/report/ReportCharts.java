package fr.maillage.evaluation.report;

import fr.maillage.evaluation.indicator.DisclosedIndicator;
import fr.maillage.evaluation.indicator.TargetStatus;
import fr.maillage.evaluation.indicator.Unit;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's charts, drawn with JFreeChart and encoded as PNG for the PDF. Only disclosed values are
 * drawn: a value withheld because it rests on too few cases is never drawn (its label says {@code < 5}),
 * and neither is a value with no case. Needs no display (headless AWT), only fonts.
 */
public final class ReportCharts {

    /** Pixels of a chart (drawn at twice the size it is shown in the PDF, so it stays sharp when printed). */
    static final int WIDTH = 1000;

    private static final Color MET = new Color(0x2E7D32);
    private static final Color AT_RISK = new Color(0xEF8F00);
    private static final Color MISSED = new Color(0xC62828);
    private static final Color OTHER = new Color(0x607D8B);
    private static final Color TARGET = new Color(0x212121);
    /** The trend's lines: distinct on screen and in greyscale print. */
    private static final Color[] SERIES = {
        new Color(0x1565C0),
        new Color(0xC62828),
        new Color(0x2E7D32),
        new Color(0x6A1B9A),
        new Color(0xEF6C00),
        new Color(0x00838F)
    };

    private static final Font LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 22);

    private ReportCharts() {}

    /**
     * A chart as a PNG image.
     *
     * @param title what it shows
     * @param png the image
     * @param width in pixels
     * @param height in pixels
     * @param drawn what it draws: {@code <indicator id>} or {@code <indicator id>@<month>} for each value
     *     drawn (so tests can check nothing withheld is drawn)
     */
    public record Chart(String title, byte[] png, int width, int height, List<String> drawn) {

        public Chart {
            drawn = List.copyOf(drawn);
        }
    }

    /** The report's charts: shares against their targets, and the monthly trend of the key indicators. */
    public static List<Chart> of(ReportContent content) {
        List<Chart> charts = new ArrayList<>();
        charts.add(sharesAgainstTargets(content));
        charts.add(monthlyTrend(content));
        return charts;
    }

    /**
     * Every share (percentage) with a target: a horizontal bar for its value, coloured by its status, and a
     * dark tick at its target.
     */
    static Chart sharesAgainstTargets(ReportContent content) {
        DefaultCategoryDataset values = new DefaultCategoryDataset();
        DefaultCategoryDataset targets = new DefaultCategoryDataset();
        List<TargetStatus> statuses = new ArrayList<>();
        List<String> drawn = new ArrayList<>();
        for (DisclosedIndicator indicator : content.indicators()) {
            if (indicator.unit() != Unit.PERCENT || indicator.target() == null) {
                continue;
            }
            String label = label(indicator);
            Double value = drawable(indicator);
            values.addValue(value, "Value", label);
            targets.addValue(indicator.target().threshold(), "Target", label);
            statuses.add(indicator.status());
            if (value != null) {
                drawn.add(indicator.id());
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(
                "Shares against their targets, " + content.quarter().code(),
                null,
                "%",
                values,
                PlotOrientation.HORIZONTAL,
                false,
                false,
                false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer bars = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return colour(statuses.get(column));
            }
        };
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.6);
        plot.setRenderer(0, bars);
        LineAndShapeRenderer ticks = new LineAndShapeRenderer(false, true);
        ticks.setSeriesShape(0, new Rectangle2D.Double(-2, -12, 4, 24));
        ticks.setSeriesPaint(0, TARGET);
        plot.setDataset(1, targets);
        plot.setRenderer(1, ticks);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.5f);
        percentAxis(plot);
        style(chart, plot);
        int height = Math.max(300, 110 + 48 * values.getColumnCount());
        return new Chart(chart.getTitle().getText(), png(chart, WIDTH, height), WIDTH, height, drawn);
    }

    /** The monthly values of the trend indicators over the quarter's months that have started. */
    static Chart monthlyTrend(ReportContent content) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<String> drawn = new ArrayList<>();
        boolean allPercent = true;
        for (String id : content.trendIndicators()) {
            Optional<DisclosedIndicator> quarterly = content.indicator(id);
            if (quarterly.isEmpty()) {
                continue;
            }
            allPercent &= quarterly.get().unit() == Unit.PERCENT;
            boolean withheld = !content.months().isEmpty()
                    && content.months().stream()
                            .allMatch(month -> month.indicator(id)
                                    .map(DisclosedIndicator::suppressed)
                                    .orElse(false));
            String series =
                    quarterly.get().name() + (withheld ? " (< " + content.smallNumberThreshold() + " cases)" : "");
            for (ReportContent.MonthFigures month : content.months()) {
                Double value = month.indicator(id).map(ReportCharts::drawable).orElse(null);
                dataset.addValue(value, series, month.month().code());
                if (value != null) {
                    drawn.add(id + "@" + month.month().code());
                }
            }
        }
        JFreeChart chart = ChartFactory.createLineChart(
                "Monthly trend, " + content.quarter().code(),
                null,
                allPercent ? "%" : "value",
                dataset,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
        for (int series = 0; series < dataset.getRowCount(); series++) {
            lines.setSeriesStroke(series, new BasicStroke(3f));
            lines.setSeriesPaint(series, SERIES[series % SERIES.length]);
        }
        plot.setRenderer(lines);
        if (allPercent) {
            percentAxis(plot);
        }
        CategoryAxis months = plot.getDomainAxis();
        months.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        style(chart, plot);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LABELS);
        }
        int height = 520;
        return new Chart(chart.getTitle().getText(), png(chart, WIDTH, height), WIDTH, height, drawn);
    }

    /** The value as it may be drawn: null when withheld (too few cases) or when there is no case. */
    static Double drawable(DisclosedIndicator indicator) {
        return indicator.suppressed() ? null : indicator.value();
    }

    private static String label(DisclosedIndicator indicator) {
        if (indicator.suppressed()) {
            return indicator.name() + " (" + indicator.display() + " cases)";
        }
        if (indicator.value() == null) {
            return indicator.name() + " (no data)";
        }
        return indicator.name() + " (" + indicator.display() + ")";
    }

    private static Color colour(TargetStatus status) {
        return switch (status) {
            case MET -> MET;
            case AT_RISK -> AT_RISK;
            case MISSED -> MISSED;
            case NO_TARGET, NO_DATA -> OTHER;
        };
    }

    private static void percentAxis(CategoryPlot plot) {
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setRange(0, 100);
        axis.setTickLabelFont(LABELS);
    }

    private static void style(JFreeChart chart, CategoryPlot plot) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(TITLE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xBDBDBD));
        plot.setNoDataMessage("No figure to draw in this quarter");
        plot.setNoDataMessageFont(LABELS);
        plot.getDomainAxis().setTickLabelFont(LABELS);
        plot.getRangeAxis().setTickLabelFont(LABELS);
        plot.getRangeAxis().setLabelFont(LABELS);
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        try {
            return ChartUtils.encodeAsPNG(chart.createBufferedImage(width, height));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
