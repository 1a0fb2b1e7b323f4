package dev.schemacode.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The chart of RESULTS.md, drawn with Java2D (no plotting library, nothing to install): one panel
 * per comparison, a horizontal bar per tool at its median, a whisker from min to p90, and the
 * median written beside it. schemacode's bars are blue, the others grey.
 */
final class Chart {
  private static final int COLUMNS = 2;
  private static final int PANEL_WIDTH = 620;
  private static final int BAR_HEIGHT = 22;
  private static final int BAR_GAP = 8;
  private static final int LABEL_WIDTH = 170;
  private static final int TITLE_HEIGHT = 34;
  private static final Color OURS = new Color(0x1f, 0x6f, 0xc5);
  private static final Color THEIRS = new Color(0x9a, 0x9a, 0x9a);

  private Chart() {}

  static void write(List<Report.Panel> panels, String subtitle, Path file) throws IOException {
    int maxBars = panels.stream().mapToInt(p -> p.bars().size()).max().orElse(1);
    int panelHeight = TITLE_HEIGHT + maxBars * (BAR_HEIGHT + BAR_GAP) + 24;
    int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
    int header = 50;
    BufferedImage image = new BufferedImage(COLUMNS * PANEL_WIDTH, header + rows * panelHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    g.drawString("schemacode benchmarks: medians, whiskers min–p90 (shorter is better)", 14, 24);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(subtitle, 14, 42);
    for (int i = 0; i < panels.size(); i++) {
      int x = (i % COLUMNS) * PANEL_WIDTH;
      int y = header + (i / COLUMNS) * panelHeight;
      panel(g, panels.get(i), x, y);
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static void panel(Graphics2D g, Report.Panel panel, int x, int y) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    g.drawString(panel.title() + " (" + panel.unit() + ")", x + 14, y + 22);
    double max = panel.bars().stream().mapToDouble(b -> b.stats().p90()).max().orElse(1);
    int plotWidth = PANEL_WIDTH - LABEL_WIDTH - 90;
    int by = y + TITLE_HEIGHT;
    for (Report.Bar bar : panel.bars()) {
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.setColor(Color.DARK_GRAY);
      g.drawString(shorten(bar.label()), x + 14, by + BAR_HEIGHT - 7);
      Stats stats = bar.stats();
      int left = x + LABEL_WIDTH;
      int width = (int) Math.max(1, Math.round(stats.median() / max * plotWidth));
      g.setColor(bar.ours() ? OURS : THEIRS);
      g.fillRect(left, by, width, BAR_HEIGHT);
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(1.2f));
      int lo = left + (int) Math.round(stats.min() / max * plotWidth);
      int hi = left + (int) Math.round(stats.p90() / max * plotWidth);
      int mid = by + BAR_HEIGHT / 2;
      g.drawLine(lo, mid, hi, mid);
      g.drawLine(lo, mid - 4, lo, mid + 4);
      g.drawLine(hi, mid - 4, hi, mid + 4);
      g.setFont(new Font(Font.SANS_SERIF, bar.ours() ? Font.BOLD : Font.PLAIN, 12));
      g.drawString(Stats.fmt(stats.median()), Math.max(left + width, hi) + 6, by + BAR_HEIGHT - 7);
      by += BAR_HEIGHT + BAR_GAP;
    }
  }

  private static String shorten(String label) {
    return label.length() <= 26 ? label : label.substring(0, 25) + "…";
  }
}
