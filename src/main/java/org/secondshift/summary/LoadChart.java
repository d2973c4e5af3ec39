package org.secondshift.summary;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.TextStyle;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws the team's hours per day as stacked bars (daytime, late night, captain duty) into a PNG.
 *
 * <p>The image carries its own light card background with dark text, so it reads the same on
 * Slack's light and dark themes; the three colours differ in lightness as well as hue.
 */
public final class LoadChart {
  static final int WIDTH = 800;
  static final int HEIGHT = 400;
  private static final Color CARD = new Color(0xF8, 0xF8, 0xFA);
  private static final Color INK = new Color(0x1D, 0x1C, 0x1D);
  private static final Color GRID = new Color(0xDD, 0xDD, 0xE2);
  private static final Color DAYTIME = new Color(0x2E, 0x86, 0xC1);
  private static final Color LATE = new Color(0x4A, 0x23, 0x5A);
  private static final Color DUTY = new Color(0xE6, 0x9F, 0x00);
  static final String DAYTIME_LABEL = "Daytime";
  static final String LATE_LABEL = "Late night";
  static final String DUTY_LABEL = "Captain duty";

  private LoadChart() {}

  /**
   * Pixels per point: drawn at twice the size it is laid out at, for sharp high-density screens.
   */
  static final int SCALE = 2;

  /** Gridline spacings in hours, the smallest that keeps at most eight lines being chosen. */
  private static final int[] GRID_STEPS = {4, 5, 10, 20, 25, 50, 100, 200, 500};

  /**
   * The PNG bytes of the chart for this summary. It carries no title: Slack shows the file's title
   * above it, and one title is enough. The legend names what each colour means, captain duty only
   * in a week that had some.
   */
  public static byte[] png(WeeklySummary summary) {
    boolean duty = summary.days().stream().anyMatch(d -> !d.duty().isZero());
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    double highest = 0;
    for (DayLoad day : summary.days()) {
      String label =
          day.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
              + " "
              + day.date().getDayOfMonth();
      data.addValue(hours(day.daytime()), DAYTIME_LABEL, label);
      data.addValue(hours(day.lateNight()), LATE_LABEL, label);
      if (duty) {
        data.addValue(hours(day.duty()), DUTY_LABEL, label);
      }
      highest =
          Math.max(highest, hours(day.daytime()) + hours(day.lateNight()) + hours(day.duty()));
    }
    JFreeChart chart =
        new JFreeChart(null, new Font("SansSerif", Font.PLAIN, 14), plot(data, highest), true);
    chart.setBackgroundPaint(CARD);
    chart.setPadding(new RectangleInsets(12, 12, 8, 16));
    LegendTitle legend = chart.getLegend();
    legend.setBackgroundPaint(CARD);
    legend.setItemPaint(INK);
    legend.setItemFont(new Font("SansSerif", Font.PLAIN, 14));
    legend.setFrame(BlockBorder.NONE);
    legend.setPosition(RectangleEdge.BOTTOM);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ChartUtils.writeScaledChartAsPNG(out, chart, WIDTH, HEIGHT, SCALE, SCALE);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not render the chart for " + summary.week(), e);
    }
  }

  /** The hours between gridlines for a tallest bar of {@code highest} hours. */
  static int gridStep(double highest) {
    for (int step : GRID_STEPS) {
      if (highest / step <= 8) {
        return step;
      }
    }
    return GRID_STEPS[GRID_STEPS.length - 1];
  }

  private static CategoryPlot plot(DefaultCategoryDataset data, double highest) {
    CategoryAxis days = new CategoryAxis();
    days.setTickLabelPaint(INK);
    days.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 14));
    days.setAxisLinePaint(GRID);
    NumberAxis hours = new NumberAxis("hours");
    hours.setLabelPaint(INK);
    hours.setTickLabelPaint(INK);
    hours.setLabelFont(new Font("SansSerif", Font.PLAIN, 14));
    hours.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 13));
    int step = gridStep(highest);
    hours.setTickUnit(new NumberTickUnit(step));
    // A gridline always stands above the tallest bar, and an empty week still shows a scale.
    hours.setRange(0, (Math.floor(highest / step) + 1) * step);
    hours.setAxisLinePaint(GRID);
    StackedBarRenderer bars = new StackedBarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setMaximumBarWidth(0.09);
    bars.setSeriesPaint(0, DAYTIME);
    bars.setSeriesPaint(1, LATE);
    bars.setSeriesPaint(2, DUTY);
    CategoryPlot plot = new CategoryPlot(data, days, hours, bars);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(CARD);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setDomainGridlinesVisible(false);
    return plot;
  }

  private static double hours(java.time.Duration d) {
    return d.toMinutes() / 60.0;
  }
}
