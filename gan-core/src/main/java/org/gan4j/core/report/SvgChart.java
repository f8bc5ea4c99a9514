package org.gan4j.core.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG: crisp at any zoom, no script needed to draw it. Long series are reduced to
 * the minimum and maximum per pixel column, so a 100,000-iteration run stays a small file and its spikes
 * stay visible. The page's script reads the {@code data-*} attributes to show values under the mouse.
 */
final class SvgChart {
    static final int WIDTH = 600;
    static final int HEIGHT = 260;
    private static final int LEFT = 58;
    private static final int RIGHT = 14;
    private static final int TOP = 26;
    private static final int BOTTOM = 34;

    /** One line; {@code raw} lines are drawn thin and pale behind the smoothed ones. */
    record Series(String label, String color, int[] x, double[] y, boolean raw) {}

    /** A vertical marker line, e.g. a checkpoint. */
    record Marker(int x, String kind, String label) {}

    private SvgChart() {}

    /** @param id unique in the page (names the clip path) */
    static String render(String id, String title, List<Series> series, List<Marker> markers) {
        int pw = WIDTH - LEFT - RIGHT;
        int ph = HEIGHT - TOP - BOTTOM;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        List<Double> rawValues = new ArrayList<>();
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                minX = Math.min(minX, s.x()[i]);
                maxX = Math.max(maxX, s.x()[i]);
                double v = s.y()[i];
                if (!Double.isFinite(v)) {
                    continue;
                }
                if (s.raw()) {
                    rawValues.add(v);
                } else {
                    minY = Math.min(minY, v);
                    maxY = Math.max(maxY, v);
                }
            }
        }
        if (!rawValues.isEmpty()) {
            // the raw curve's rare spikes would squash everything else: they are clipped at the plot's edge
            double[] sorted = rawValues.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            minY = Math.min(minY, sorted[(int) Math.floor(0.01 * (sorted.length - 1))]);
            maxY = Math.max(maxY, sorted[(int) Math.ceil(0.99 * (sorted.length - 1))]);
        }
        if (!Double.isFinite(minX)) {
            minX = 0;
            maxX = 1;
        }
        if (maxX <= minX) {
            maxX = minX + 1;
        }
        if (!Double.isFinite(minY)) {
            minY = 0;
            maxY = 1;
        }
        double pad = Math.max((maxY - minY) * 0.05, 1e-6);
        minY -= pad;
        maxY += pad;
        final double x0 = minX;
        final double x1 = maxX;
        final double y0 = minY;
        final double y1 = maxY;
        StringBuilder b = new StringBuilder();
        String clip = "clip-" + id;
        b.append(String.format(Locale.ROOT, "<svg class=\"chart\" id=\"" + id + "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
                + " width=\"%d\" height=\"%d\" data-x0=\"%s\" data-x1=\"%s\" data-y0=\"%s\" data-y1=\"%s\""
                + " data-left=\"%d\" data-top=\"%d\" data-pw=\"%d\" data-ph=\"%d\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT,
                x0, x1, y0, y1, LEFT, TOP, pw, ph));
        b.append("<title>").append(Html.esc(title)).append("</title>\n");
        b.append(String.format(Locale.ROOT, "<defs><clipPath id=\"%s\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>"
                + "</clipPath></defs>%n", clip, LEFT, TOP, pw, ph));
        b.append(String.format(Locale.ROOT, "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>%n",
                LEFT, TOP, pw, ph));
        b.append(String.format(Locale.ROOT, "<text class=\"ctitle\" x=\"%d\" y=\"16\">%s</text>%n", LEFT, Html.esc(title)));
        for (int t = 0; t <= 4; t++) {
            double v = y0 + (y1 - y0) * t / 4;
            double py = TOP + ph - ph * t / 4.0;
            b.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                    + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT, LEFT + pw, py, py, LEFT - 4, py + 4, Html.number(v)));
            double xv = x0 + (x1 - x0) * t / 4;
            double px = LEFT + pw * t / 4.0;
            b.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    px, TOP + ph + 15, Math.round(xv)));
        }
        b.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">iteration</text>%n",
                LEFT + pw / 2, HEIGHT - 4));
        b.append("<g clip-path=\"url(#").append(clip).append(")\">\n");
        for (Marker m : markers) {
            double px = LEFT + pw * (m.x() - x0) / (x1 - x0);
            b.append(String.format(Locale.ROOT, "<line class=\"marker %s\" x1=\"%.2f\" x2=\"%.2f\" y1=\"%d\" y2=\"%d\">"
                    + "<title>%s</title></line>%n", m.kind(), px, px, TOP, TOP + ph, Html.esc(m.label())));
        }
        for (Series s : series) {
            b.append(String.format(Locale.ROOT, "<polyline class=\"%s\" data-label=\"%s\" stroke=\"%s\" points=\"",
                    s.raw() ? "raw" : "smooth", Html.esc(s.label()), s.color()));
            int[] keep = envelope(s.x(), s.y(), x0, x1, pw);
            for (int i : keep) {
                double v = s.y()[i];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double px = LEFT + pw * (s.x()[i] - x0) / (x1 - x0);
                double py = TOP + ph - ph * (v - y0) / (y1 - y0);
                b.append(String.format(Locale.ROOT, "%.2f,%.2f ", px, py));
            }
            b.append("\"/>\n");
        }
        b.append("</g>\n");
        b.append("<g class=\"hover\"><line class=\"cursor\" y1=\"").append(TOP).append("\" y2=\"").append(TOP + ph)
                .append("\" x1=\"-10\" x2=\"-10\"/><text class=\"readout\" x=\"").append(LEFT + pw)
                .append("\" y=\"16\" text-anchor=\"end\"></text></g>\n");
        b.append("</svg>\n");
        return b.toString();
    }

    private static int[] all(int n) {
        int[] out = new int[n];
        Arrays.setAll(out, i -> i);
        return out;
    }

    /** Indices of the minimum and maximum of every pixel column (in order), or all when there are few. */
    static int[] envelope(int[] x, double[] y, double x0, double x1, int columns) {
        if (x.length <= 2 * columns) {
            return all(x.length);
        }
        List<Integer> keep = new ArrayList<>();
        int i = 0;
        while (i < x.length) {
            int column = (int) Math.min(columns - 1, Math.floor(columns * (x[i] - x0) / (x1 - x0)));
            int lo = -1;
            int hi = -1;
            int j = i;
            for (; j < x.length && (int) Math.min(columns - 1, Math.floor(columns * (x[j] - x0) / (x1 - x0))) == column; j++) {
                if (Double.isFinite(y[j])) {
                    if (lo < 0 || y[j] < y[lo]) {
                        lo = j;
                    }
                    if (hi < 0 || y[j] > y[hi]) {
                        hi = j;
                    }
                }
            }
            if (lo >= 0) {
                keep.add(Math.min(lo, hi));
                if (hi != lo) {
                    keep.add(Math.max(lo, hi));
                }
            }
            i = j;
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }
}
