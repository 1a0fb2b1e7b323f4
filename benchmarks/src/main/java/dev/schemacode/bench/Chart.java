package dev.schemacode.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
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
  private static final int MIN_LABEL_WIDTH = 150;
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final int TITLE_HEIGHT = 34;
  private static final Color OURS = new Color(0x1f, 0x6f, 0xc5);
  private static final Color THEIRS = new Color(0x9a, 0x9a, 0x9a);

  private Chart() {}

  static void write(List<Report.Panel> panels, String subtitle, Path file) throws IOException {
    int maxBars = panels.stream().mapToInt(p -> p.bars().size()).max().orElse(1);
    int panelHeight = TITLE_HEIGHT + maxBars * (BAR_HEIGHT + BAR_GAP) + 24;
    int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
    int header = 64;
    BufferedImage image = new BufferedImage(COLUMNS * PANEL_WIDTH, header + rows * panelHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    // Bars start after the longest label of all panels, so no label runs under a bar.
    FontMetrics labels = g.getFontMetrics(LABEL_FONT);
    int labelWidth = 14 + 10 + panels.stream().flatMap(p -> p.bars().stream())
        .mapToInt(bar -> labels.stringWidth(bar.label())).max().orElse(MIN_LABEL_WIDTH);
    labelWidth = Math.max(MIN_LABEL_WIDTH, labelWidth);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    g.drawString("schemacode benchmarks: medians, whiskers min–p90 (shorter is better)", 14, 24);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    drawWrapped(g, subtitle, 14, 42, image.getWidth() - 28);
    for (int i = 0; i < panels.size(); i++) {
      int x = (i % COLUMNS) * PANEL_WIDTH;
      int y = header + (i / COLUMNS) * panelHeight;
      panel(g, panels.get(i), x, y, labelWidth);
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  /** The subtitle (run conditions) on as many lines as it needs, broken at spaces. */
  private static void drawWrapped(Graphics2D g, String text, int x, int y, int width) {
    FontMetrics metrics = g.getFontMetrics();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && metrics.stringWidth(line + " " + word) > width) {
        g.drawString(line.toString(), x, y);
        y += metrics.getHeight();
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    g.drawString(line.toString(), x, y);
  }

  private static void panel(Graphics2D g, Report.Panel panel, int x, int y, int labelWidth) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    g.drawString(panel.title() + " (" + panel.unit() + ")", x + 14, y + 22);
    double max = panel.bars().stream().mapToDouble(b -> b.stats().p90()).max().orElse(1);
    int plotWidth = PANEL_WIDTH - labelWidth - 70;
    int by = y + TITLE_HEIGHT;
    for (Report.Bar bar : panel.bars()) {
      g.setFont(LABEL_FONT);
      g.setColor(Color.DARK_GRAY);
      g.drawString(bar.label(), x + 14, by + BAR_HEIGHT - 7);
      Stats stats = bar.stats();
      int left = x + labelWidth;
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
}
