package org.gan4j.core.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the loss curves of a loss log (CSV with a header; first column the iteration; loss columns
 * named {@code loss_*}) as a line chart, each curve smoothed with a moving average.
 */
public final class LossPlot {
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};

    private LossPlot() {}

    /** Reads {@code csv} and writes the chart to {@code png}. */
    public static void render(Path csv, Path png, int width, int height) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.size() < 2) {
            throw new IOException(csv + " has no loss rows to plot");
        }
        String[] header = lines.get(0).split(",");
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            if (header[c].startsWith("loss")) {
                columns.add(c);
            }
        }
        int n = lines.size() - 1;
        double[] x = new double[n];
        double[][] y = new double[columns.size()][n];
        for (int r = 0; r < n; r++) {
            String[] f = lines.get(r + 1).split(",");
            x[r] = Double.parseDouble(f[0]);
            for (int k = 0; k < columns.size(); k++) {
                int c = columns.get(k);
                y[k][r] = c < f.length && !f[c].isEmpty() ? Double.parseDouble(f[c]) : Double.NaN;
            }
        }
        int window = Math.max(1, n / 100);
        for (int k = 0; k < y.length; k++) {
            y[k] = movingAverage(y[k], window);
        }
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] series : y) {
            for (double v : series) {
                if (Double.isFinite(v)) {
                    minY = Math.min(minY, v);
                    maxY = Math.max(maxY, v);
                }
            }
        }
        if (!Double.isFinite(minY)) {
            minY = 0;
            maxY = 1;
        }
        if (maxY - minY < 1e-9) {
            maxY = minY + 1;
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int left = 60;
        int right = 20;
        int top = 30;
        int bottom = 40;
        int pw = width - left - right;
        int ph = height - top - bottom;
        g.setColor(Color.GRAY);
        g.drawRect(left, top, pw, ph);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double minX = x[0];
        double maxX = Math.max(x[n - 1], minX + 1);
        for (int t = 0; t <= 4; t++) {
            double v = minY + (maxY - minY) * t / 4;
            int py = top + ph - (int) Math.round(ph * (v - minY) / (maxY - minY));
            g.drawString(String.format(Locale.ROOT, "%.3g", v), 5, py + 4);
            double xv = minX + (maxX - minX) * t / 4;
            int px = left + (int) Math.round(pw * (xv - minX) / (maxX - minX));
            g.drawString(String.format(Locale.ROOT, "%.0f", xv), px - 10, top + ph + 16);
        }
        g.drawString("iteration", left + pw / 2 - 25, height - 5);
        g.setStroke(new BasicStroke(1.5f));
        for (int k = 0; k < y.length; k++) {
            Path2D path = new Path2D.Double();
            boolean started = false;
            for (int r = 0; r < n; r++) {
                if (!Double.isFinite(y[k][r])) {
                    continue;
                }
                double px = left + pw * (x[r] - minX) / (maxX - minX);
                double py = top + ph - ph * (y[k][r] - minY) / (maxY - minY);
                if (started) {
                    path.lineTo(px, py);
                } else {
                    path.moveTo(px, py);
                    started = true;
                }
            }
            g.setColor(COLORS[k % COLORS.length]);
            g.draw(path);
            g.drawString(header[columns.get(k)], left + 10 + k * 90, top - 10);
        }
        g.dispose();
        ImageFiles.writePng(img, png);
    }

    /** Trailing moving average over {@code window} values, skipping NaN (NaN where the window holds none). */
    public static double[] movingAverage(double[] v, int window) {
        double[] out = new double[v.length];
        double sum = 0;
        int count = 0;
        for (int i = 0; i < v.length; i++) {
            if (Double.isFinite(v[i])) {
                sum += v[i];
                count++;
            }
            if (i >= window && Double.isFinite(v[i - window])) {
                sum -= v[i - window];
                count--;
            }
            out[i] = count > 0 ? sum / count : Double.NaN;
        }
        return out;
    }
}
