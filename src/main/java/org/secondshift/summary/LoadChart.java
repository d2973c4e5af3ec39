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
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws the team's hours per day as stacked bars (daytime, late night, duty) into a PNG.
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

  private LoadChart() {}

  /** The PNG bytes of the chart for this summary. */
  public static byte[] png(WeeklySummary summary) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (DayLoad day : summary.days()) {
      String label =
          day.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
              + " "
              + day.date().getDayOfMonth();
      data.addValue(hours(day.daytime()), "Active", label);
      data.addValue(hours(day.lateNight()), "Late night", label);
      data.addValue(hours(day.duty()), "Captain duty", label);
    }
    JFreeChart chart =
        new JFreeChart(null, new Font("SansSerif", Font.PLAIN, 14), plot(data), true);
    chart.setBackgroundPaint(CARD);
    chart.setPadding(new RectangleInsets(12, 12, 8, 16));
    chart.addSubtitle(0, title("Team hours per day · " + summary.week()));
    LegendTitle legend = chart.getLegend();
    legend.setBackgroundPaint(CARD);
    legend.setItemPaint(INK);
    legend.setItemFont(new Font("SansSerif", Font.PLAIN, 14));
    legend.setFrame(BlockBorder.NONE);
    legend.setPosition(RectangleEdge.BOTTOM);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not render the chart for " + summary.week(), e);
    }
  }

  private static CategoryPlot plot(DefaultCategoryDataset data) {
    CategoryAxis days = new CategoryAxis();
    days.setTickLabelPaint(INK);
    days.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 14));
    days.setAxisLinePaint(GRID);
    NumberAxis hours = new NumberAxis("hours");
    hours.setLabelPaint(INK);
    hours.setTickLabelPaint(INK);
    hours.setLabelFont(new Font("SansSerif", Font.PLAIN, 14));
    hours.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 13));
    hours.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
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

  private static TextTitle title(String text) {
    TextTitle title = new TextTitle(text, new Font("SansSerif", Font.BOLD, 16));
    title.setPaint(INK);
    title.setPadding(new RectangleInsets(0, 0, 8, 0));
    return title;
  }

  private static double hours(java.time.Duration d) {
    return d.toMinutes() / 60.0;
  }
}
