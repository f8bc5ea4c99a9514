package org.gan4j.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.gan4j.core.image.LossPlot;
import org.gan4j.core.io.AtomicFiles;

/**
 * The HTML report of a run folder ({@code RUN/report.html}) and the comparison page of several runs.
 *
 * <p>A report shows the run's configuration and environment, its status (running, finished, or stopped at
 * iteration N) with time per iteration and ETA, the loss curves as SVG (raw and smoothed, with the kept
 * checkpoints and the resumes marked), the sample grids over time (a slider and a strip) and the stored
 * evaluation results ({@link EvaluationResult}). Everything is inside the one file: the grids are PNG data
 * URIs, at most {@value #MAX_GRIDS} of them and about {@value #GRID_BYTES} bytes of PNG, spread evenly over
 * the run (the first and the newest always), so the page opens from the file system, offline, also after it was copied or mailed away from the run.
 *
 * <p>It reads only files (no ND4J), so {@code gan report} works on any run folder, including runs written
 * before reports existed and runs that are training right now.
 */
public final class RunReport {
    /** File name of the report inside a run folder. */
    public static final String FILE_NAME = "report.html";
    /** Grids embedded in a report at most. */
    public static final int MAX_GRIDS = 16;
    /** PNG bytes of grids embedded in a report at most (large grids, e.g. 256x256 translations, get fewer). */
    public static final long GRID_BYTES = 2_000_000;

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"};
    /** A run without status file whose loss log changed this recently is taken as still training. */
    private static final Duration RECENT = Duration.ofMinutes(2);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private RunReport() {}

    /** Writes {@code run/report.html} atomically from the run folder's files; returns its path. */
    public static Path write(Path run) throws IOException {
        return write(run, run.resolve(FILE_NAME));
    }

    /** Writes the report of {@code run} to {@code out} atomically; returns {@code out}. */
    public static Path write(Path run, Path out) throws IOException {
        return writeText(out, html(run));
    }

    /** The report of {@code run} as HTML. */
    public static String html(Path run) throws IOException {
        return runPage(RunFiles.read(run), Instant.now());
    }

    /** Writes the comparison page of {@code runs} to {@code out} atomically. */
    public static Path writeComparison(List<Path> runs, Path out) throws IOException {
        List<RunFiles> files = new ArrayList<>();
        for (Path r : runs) {
            files.add(RunFiles.read(r));
        }
        return writeText(out, comparisonPage(files, out, Instant.now()));
    }

    /** This gan4j's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (InputStream in = RunReport.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** This machine's name as a status file records it. */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "");
        }
    }

    private static Path writeText(Path file, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
        return file;
    }

    // ---------------------------------------------------------------- status

    /**
     * Where a run stands.
     *
     * @param state running, finished, stopped or ended (stopped or finished: the plan is not recorded)
     * @param planned planned iterations, 0 when unknown
     * @param etaSeconds NaN unless running with a known plan
     */
    record Status(String state, String text, int iteration, long planned, double secondsPerIteration,
            double etaSeconds) {}

    static Status status(RunFiles f, Instant now) {
        int last = f.lastIteration();
        double spi = f.losses.secondsPerIteration(200);
        long epochs = setting(f, "run.epochs");
        int perEpoch = f.losses.batchesPerEpoch();
        long planned = epochs > 0 && perEpoch > 0 ? (long) epochs * perEpoch : 0;
        long max = setting(f, "run.maxIterations");
        if (max > 0) {
            planned = planned > 0 ? Math.min(planned, max) : max;
        }
        String resume = f.checkpoints.isEmpty() ? "" : "; 'gan resume --run " + f.root + "' continues from iteration "
                + f.checkpoints.get(f.checkpoints.size() - 1);
        String state;
        String text;
        if (f.status.isPresent()) {
            RunStatus s = f.status.get();
            planned = s.plannedIterations();
            boolean here = s.host().equals(hostName());
            switch (s.state()) {
                case FINISHED -> {
                    state = "finished";
                    text = "finished: " + last + " iterations";
                }
                case STOPPED -> {
                    state = "stopped";
                    text = "stopped at iteration " + last + " of " + planned + resume;
                }
                default -> {
                    boolean alive = !here || ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false);
                    if (alive) {
                        state = "running";
                        text = "running: iteration " + last + " of " + planned
                                + (here ? "" : " (on " + s.host() + ", as of " + TIME.format(s.updated()) + ")");
                    } else {
                        state = "stopped";
                        text = "stopped at iteration " + last + " of " + planned + ": the training process (pid "
                                + s.pid() + ") ended without finishing (killed or crashed)" + resume;
                    }
                }
            }
        } else if (planned > 0 && last >= planned) {
            state = "finished";
            text = "finished: " + last + " iterations";
        } else if (f.losses.rows() > 0 && Duration.between(f.lossesModified, now).compareTo(RECENT) < 0) {
            state = "running";
            text = "running: iteration " + last + (planned > 0 ? " of " + planned : "") + " (losses.csv written "
                    + Duration.between(f.lossesModified, now).toSeconds() + " s ago)";
        } else if (planned > 0) {
            state = "stopped";
            text = "stopped at iteration " + last + " of " + planned + resume;
        } else {
            state = "ended";
            text = "ended at iteration " + last + " (this run folder does not record the planned length)";
        }
        double eta = state.equals("running") && planned > 0 && Double.isFinite(spi) ? (planned - last) * spi : Double.NaN;
        return new Status(state, text, last, planned, spi, eta);
    }

    /** A whole-number setting of the run, 0 when absent or not a number. */
    private static long setting(RunFiles f, String key) {
        try {
            return Long.parseLong(f.config.getOrDefault(key, "0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ---------------------------------------------------------------- single run

    static String runPage(RunFiles f, Instant now) throws IOException {
        Status st = status(f, now);
        StringBuilder b = new StringBuilder();
        head(b, "gan4j run " + f.name());
        b.append("<header><h1>").append(Html.esc(f.name())).append(" <small>").append(Html.esc(f.variant()))
                .append("</small></h1>\n");
        b.append("<p id=\"status\" class=\"status ").append(st.state()).append("\" data-state=\"").append(st.state())
                .append("\" data-iteration=\"").append(st.iteration()).append("\">").append(Html.esc(st.text()))
                .append("</p>\n<p class=\"meta\">");
        List<String> meta = new ArrayList<>();
        if (Double.isFinite(st.secondsPerIteration())) {
            meta.add(String.format(Locale.ROOT, "<span id=\"speed\">%.3f s per iteration</span>", st.secondsPerIteration()));
        }
        if (Double.isFinite(st.etaSeconds())) {
            meta.add("<span id=\"eta\">ETA " + Html.clock(st.etaSeconds()) + "</span>");
        }
        meta.add("report written " + TIME.format(now) + " by gan4j " + Html.esc(version()));
        b.append(String.join(" &middot; ", meta)).append("</p></header>\n");

        b.append("<section id=\"losses\"><h2>Losses</h2>\n");
        lossSection(b, f);
        b.append("</section>\n");

        if (!f.evaluations.isEmpty()) {
            b.append("<section id=\"evaluation\"><h2>Evaluation</h2>\n");
            for (EvaluationResult e : f.evaluations) {
                evaluation(b, f, e);
            }
            b.append("</section>\n");
        }

        b.append("<section id=\"samples\"><h2>Samples</h2>\n");
        gridSection(b, f);
        b.append("</section>\n");

        b.append("<section id=\"configuration\"><h2>Configuration</h2>\n");
        configuration(b, f);
        b.append("</section>\n");
        tail(b);
        return b.toString();
    }

    private static int window(int rows) {
        return Math.max(1, Math.round(rows / 50f));
    }

    private static void lossSection(StringBuilder b, RunFiles f) {
        LossTable t = f.losses;
        if (t.rows() == 0) {
            b.append("<p>No losses yet (losses.csv is missing or empty).</p>\n");
            return;
        }
        int w = window(t.rows());
        b.append("<table id=\"latest-losses\" data-iteration=\"").append(t.lastIteration()).append("\"><tr><th>loss</th>")
                .append("<th>iteration ").append(t.lastIteration()).append("</th><th>smoothed</th><th>min</th><th>max</th></tr>\n");
        List<double[]> smooth = new ArrayList<>();
        for (int k = 0; k < t.names.size(); k++) {
            double[] s = LossPlot.movingAverage(t.values[k], w);
            smooth.add(s);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : t.values[k]) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            String name = Html.esc(t.names.get(k));
            b.append("<tr><td>").append(name).append("</td><td class=\"num last\" data-loss=\"").append(name).append("\">")
                    .append(Html.esc(t.lastRowText[k])).append("</td><td class=\"num\">")
                    .append(Html.number(s[s.length - 1])).append("</td><td class=\"num\">")
                    .append(Html.number(min)).append("</td><td class=\"num\">").append(Html.number(max)).append("</td></tr>\n");
        }
        b.append("</table>\n");
        List<SvgChart.Marker> markers = markers(f);
        b.append("<div class=\"charts\">\n");
        for (int k = 0; k < t.names.size(); k++) {
            String color = COLORS[k % COLORS.length];
            String name = t.names.get(k);
            b.append(SvgChart.render("chart-" + k, name, List.of(
                    new SvgChart.Series(name + " (raw)", color, t.iterations, t.values[k], true),
                    new SvgChart.Series(name, color, t.iterations, smooth.get(k), false)), markers));
        }
        b.append("</div>\n<p class=\"note\">Pale: every iteration (the top and bottom 1 % of values may be cut off);"
                + " bold: moving average over ").append(w).append(w == 1 ? " iteration" : " iterations")
                .append(". <span class=\"key checkpoint\"></span> checkpoints kept");
        if (!f.checkpoints.isEmpty()) {
            b.append(" (").append(join(f.checkpoints)).append(")");
        }
        List<Integer> resumes = t.resumes();
        b.append("; <span class=\"key resume\"></span> resumes").append(resumes.isEmpty() ? " (none)" : " (" + join(resumes) + ")")
                .append(". Point at a chart to read values.</p>\n");
    }

    private static List<SvgChart.Marker> markers(RunFiles f) {
        List<SvgChart.Marker> m = new ArrayList<>();
        f.checkpoints.forEach(c -> m.add(new SvgChart.Marker(c, "checkpoint", "checkpoint at iteration " + c)));
        f.losses.resumes().forEach(r -> m.add(new SvgChart.Marker(r, "resume", "resumed from iteration " + r)));
        return m;
    }

    private static String join(List<Integer> values) {
        return String.join(", ", values.stream().map(String::valueOf).toList());
    }

    private static void gridSection(StringBuilder b, RunFiles f) throws IOException {
        if (f.grids.isEmpty()) {
            b.append("<p>No sample grids yet (samples/iter-*.png).</p>\n");
            return;
        }
        List<RunFiles.Grid> shown = spread(f.grids, gridsWithinBudget(f.grids));
        b.append("<p class=\"note\">The variant's preview: the same fixed inputs at every grid (for translation models"
                + " the rows show input | output | target, for super-resolution bicubic | SR | HR). ");
        b.append(shown.size() < f.grids.size() ? shown.size() + " of the " + f.grids.size()
                + " grids in samples/ are shown, spread evenly." : f.grids.size() + " grids.").append("</p>\n");
        b.append("<div class=\"viewer\"><input id=\"grid-slider\" type=\"range\" min=\"0\" max=\"")
                .append(shown.size() - 1).append("\" value=\"").append(shown.size() - 1)
                .append("\"> <span id=\"grid-label\"></span><br><img id=\"grid-view\" alt=\"sample grid\"></div>\n");
        b.append("<div class=\"strip\">\n");
        int i = 0;
        for (RunFiles.Grid g : shown) {
            b.append("<figure class=\"grid\" data-index=\"").append(i++).append("\" data-iteration=\"")
                    .append(g.iteration()).append("\"><img class=\"grid-img\" alt=\"iteration ").append(g.iteration())
                    .append("\" src=\"").append(dataUri(g.file())).append("\"><figcaption>iteration ")
                    .append(g.iteration()).append("</figcaption></figure>\n");
        }
        b.append("</div>\n");
    }

    /** How many grids fit {@link #GRID_BYTES} (at least 2, at most {@link #MAX_GRIDS}), judged by their mean size. */
    private static int gridsWithinBudget(List<RunFiles.Grid> grids) throws IOException {
        long total = 0;
        for (RunFiles.Grid g : grids) {
            total += Files.size(g.file());
        }
        long mean = Math.max(1, total / grids.size());
        return (int) Math.max(2, Math.min(MAX_GRIDS, GRID_BYTES / mean));
    }

    /** At most {@code max} items spread evenly, the first and the last always. */
    static <T> List<T> spread(List<T> all, int max) {
        if (all.size() <= max) {
            return all;
        }
        Set<Integer> picked = new TreeSet<>();
        for (int i = 0; i < max; i++) {
            picked.add((int) Math.round((double) i * (all.size() - 1) / (max - 1)));
        }
        return picked.stream().map(all::get).toList();
    }

    private static String dataUri(Path png) throws IOException {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png));
    }

    private static void evaluation(StringBuilder b, RunFiles f, EvaluationResult e) throws IOException {
        b.append("<h3>").append(Html.esc(e.title())).append("</h3>\n<p class=\"note\">").append(Html.esc(e.details()))
                .append(" (eval/").append(Html.esc(e.name())).append(".json)</p>\n");
        b.append("<table class=\"eval\" data-eval=\"").append(Html.esc(e.name())).append("\"><tr><th></th>");
        e.columns().forEach(c -> b.append("<th>").append(Html.esc(c)).append("</th>"));
        b.append("</tr>\n");
        for (EvaluationResult.Row r : e.rows()) {
            b.append("<tr><td>").append(Html.esc(r.name())).append("</td>");
            r.values().forEach(v -> b.append("<td class=\"num\">").append(Html.number(v)).append("</td>"));
            b.append("</tr>\n");
        }
        b.append("</table>\n");
        List<String> images = spread(e.images(), 6);
        if (!images.isEmpty()) {
            b.append("<div class=\"strip\">\n");
            for (String rel : images) {
                Path p = f.root.resolve(rel);
                if (Files.isRegularFile(p)) {
                    b.append("<figure><img class=\"eval-img\" alt=\"").append(Html.esc(rel)).append("\" src=\"")
                            .append(dataUri(p)).append("\"><figcaption>").append(Html.esc(rel)).append("</figcaption></figure>\n");
                }
            }
            b.append("</div>\n");
            if (images.size() < e.images().size()) {
                b.append("<p class=\"note\">").append(images.size()).append(" of ").append(e.images().size())
                        .append(" images shown.</p>\n");
            }
        }
    }

    private static void configuration(StringBuilder b, RunFiles f) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("variant", f.variant());
        rows.put("preset", f.config.getOrDefault("config.preset", "(none)"));
        rows.put("seed", f.config.getOrDefault("run.seed", "?"));
        rows.put("data", f.config.getOrDefault("run.data", "(default lookup: GAN4J_DATA, the per-user cache, a download)"));
        f.status.ifPresent(s -> s.environment().forEach(rows::put));
        b.append("<table id=\"config\">\n");
        rows.forEach((k, v) -> b.append("<tr><th>").append(Html.esc(k)).append("</th><td>").append(Html.esc(v)).append("</td></tr>\n"));
        f.config.forEach((k, v) -> {
            if (!k.equals("variant")) {
                b.append("<tr><th>").append(Html.esc(k)).append("</th><td>").append(Html.esc(v)).append("</td></tr>\n");
            }
        });
        b.append("</table>\n");
        if (f.status.isEmpty()) {
            b.append("<p class=\"note\">No status.properties (a run from before reports existed, or trained without a"
                    + " ReportListener): status inferred from the files; gan4j version, backend and threads unknown.</p>\n");
        }
        b.append("<p class=\"note\">Folder: ").append(Html.esc(f.root.toString())).append(". Checkpoints kept: ")
                .append(f.checkpoints.isEmpty() ? "none" : join(f.checkpoints)).append(".</p>\n");
    }

    // ---------------------------------------------------------------- comparison

    static String comparisonPage(List<RunFiles> runs, Path out, Instant now) throws IOException {
        StringBuilder b = new StringBuilder();
        head(b, "gan4j: " + runs.size() + " runs compared");
        b.append("<header><h1>").append(runs.size()).append(" runs compared</h1><p class=\"meta\">written ")
                .append(TIME.format(now)).append(" by gan4j ").append(Html.esc(version())).append("</p></header>\n");
        Path base = out.toAbsolutePath().getParent();
        b.append("<section id=\"runs\"><table id=\"run-table\"><tr><th></th><th>run</th><th>variant</th><th>status</th>"
                + "<th>s / iteration</th></tr>\n");
        for (int i = 0; i < runs.size(); i++) {
            RunFiles f = runs.get(i);
            Status st = status(f, now);
            Path report = f.root.toAbsolutePath().resolve(FILE_NAME);
            String name = Html.esc(f.root.toString());
            String link = Files.isRegularFile(report)
                    ? "<a href=\"" + Html.esc(base.relativize(report).toString().replace('\\', '/')) + "\">" + name + "</a>"
                    : name;
            b.append("<tr class=\"run\"><td><span class=\"swatch\" style=\"background:").append(color(i)).append("\"></span></td><td>")
                    .append(link).append("</td><td>").append(Html.esc(f.variant())).append("</td><td class=\"status ")
                    .append(st.state()).append("\">").append(Html.esc(st.text())).append("</td><td class=\"num\">")
                    .append(Html.number(st.secondsPerIteration())).append("</td></tr>\n");
        }
        b.append("</table>\n");
        settingsThatDiffer(b, runs);
        b.append("</section>\n");
        evaluationsCompared(b, runs);
        b.append("<section id=\"losses\"><h2>Losses</h2><div class=\"charts\">\n");
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(f -> names.addAll(f.losses.names));
        int c = 0;
        for (String name : names) {
            List<SvgChart.Series> series = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                LossTable t = runs.get(i).losses;
                int k = t.names.indexOf(name);
                if (k >= 0 && t.rows() > 0) {
                    series.add(new SvgChart.Series(runs.get(i).name(), color(i), t.iterations,
                            LossPlot.movingAverage(t.values[k], window(t.rows())), false));
                }
            }
            b.append(SvgChart.render("chart-" + c++, name, series, List.of()));
        }
        b.append("</div><p class=\"note\">Moving averages over 2 % of each run's iterations; colours as in the table."
                + "</p></section>\n<section id=\"samples\"><h2>Newest grids</h2><div class=\"strip side\">\n");
        for (int i = 0; i < runs.size(); i++) {
            RunFiles f = runs.get(i);
            if (!f.grids.isEmpty()) {
                RunFiles.Grid g = f.grids.get(f.grids.size() - 1);
                b.append("<figure class=\"grid\" data-iteration=\"").append(g.iteration()).append("\"><img class=\"grid-img\" alt=\"")
                        .append(Html.esc(f.name())).append("\" src=\"").append(dataUri(g.file())).append("\"><figcaption>")
                        .append("<span class=\"swatch\" style=\"background:").append(color(i)).append("\"></span>")
                        .append(Html.esc(f.root.toString())).append(", iteration ").append(g.iteration())
                        .append("</figcaption></figure>\n");
            }
        }
        b.append("</div></section>\n");
        tail(b);
        return b.toString();
    }

    private static String color(int i) {
        return COLORS[i % COLORS.length];
    }

    private static void settingsThatDiffer(StringBuilder b, List<RunFiles> runs) {
        Set<String> keys = new TreeSet<>();
        runs.forEach(f -> keys.addAll(f.config.keySet()));
        List<String> differ = keys.stream().filter(k -> runs.stream().map(f -> f.config.getOrDefault(k, "")).distinct().count() > 1)
                .toList();
        if (differ.isEmpty() || runs.size() < 2) {
            return;
        }
        b.append("<h2>Settings that differ</h2><table id=\"settings-differ\"><tr><th></th>");
        for (int i = 0; i < runs.size(); i++) {
            b.append("<th><span class=\"swatch\" style=\"background:").append(color(i)).append("\"></span>")
                    .append(Html.esc(runs.get(i).name())).append("</th>");
        }
        b.append("</tr>\n");
        for (String k : differ) {
            b.append("<tr><th>").append(Html.esc(k)).append("</th>");
            runs.forEach(f -> b.append("<td>").append(Html.esc(f.config.getOrDefault(k, ""))).append("</td>"));
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static void evaluationsCompared(StringBuilder b, List<RunFiles> runs) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        runs.forEach(f -> f.evaluations.forEach(e -> {
            columns.putIfAbsent(e.name(), e.columns());
            titles.putIfAbsent(e.name(), e.title());
        }));
        if (columns.isEmpty()) {
            return;
        }
        b.append("<section id=\"evaluation\"><h2>Evaluation</h2>\n");
        for (var entry : columns.entrySet()) {
            b.append("<h3>").append(Html.esc(titles.get(entry.getKey()))).append("</h3>\n<table class=\"eval\" data-eval=\"")
                    .append(Html.esc(entry.getKey())).append("\"><tr><th>run</th><th></th>");
            entry.getValue().forEach(c -> b.append("<th>").append(Html.esc(c)).append("</th>"));
            b.append("</tr>\n");
            for (int i = 0; i < runs.size(); i++) {
                for (EvaluationResult e : runs.get(i).evaluations) {
                    if (!e.name().equals(entry.getKey())) {
                        continue;
                    }
                    for (EvaluationResult.Row r : e.rows()) {
                        b.append("<tr><td><span class=\"swatch\" style=\"background:").append(color(i)).append("\"></span>")
                                .append(Html.esc(runs.get(i).name())).append("</td><td>").append(Html.esc(r.name())).append("</td>");
                        for (String c : entry.getValue()) {
                            int k = e.columns().indexOf(c);
                            b.append("<td class=\"num\">").append(k < 0 ? "" : Html.number(r.values().get(k))).append("</td>");
                        }
                        b.append("</tr>\n");
                    }
                }
            }
            b.append("</table>\n");
        }
        b.append("</section>\n");
    }

    // ---------------------------------------------------------------- page frame

    private static void head(StringBuilder b, String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(Html.esc(title))
                .append("</title>\n<style>\n").append(STYLE).append("</style></head>\n<body>\n");
    }

    private static void tail(StringBuilder b) {
        b.append("<script>\n").append(SCRIPT).append("</script>\n</body></html>\n");
    }

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5em auto;max-width:1260px;color:#222;padding:0 1em}
            h1 small{font-weight:normal;color:#666}
            h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}
            .status{display:inline-block;padding:.3em .7em;border-radius:4px;font-weight:600;margin:0}
            .status.running{background:#e3f0ff}.status.finished{background:#e3f7e3}
            .status.stopped,.status.ended{background:#fff2d9}
            td.status{font-weight:normal}
            .meta,.note{color:#555}
            table{border-collapse:collapse;margin:.5em 0}
            th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            #config td{word-break:break-all}
            .charts{display:flex;flex-wrap:wrap;gap:8px}
            svg.chart{background:#fff;border:1px solid #eee;max-width:100%;height:auto}
            svg .frame{fill:none;stroke:#999}
            svg .grid{stroke:#eee}
            svg .tick{font-size:11px;fill:#555}
            svg .ctitle{font-size:13px;font-weight:600;fill:#222}
            svg polyline{fill:none;stroke-linejoin:round}
            svg polyline.raw{stroke-width:.8;opacity:.3}
            svg polyline.smooth{stroke-width:2}
            svg .marker{stroke-width:1;stroke-dasharray:4 3}
            svg .marker.checkpoint,.key.checkpoint{stroke:#888;border-color:#888}
            svg .marker.resume,.key.resume{stroke:#e67e00;border-color:#e67e00}
            .key{display:inline-block;width:14px;height:0;border-top:2px dashed;vertical-align:middle}
            svg .cursor{stroke:#333;stroke-width:.7}
            svg .readout{font-size:12px;fill:#111}
            .viewer img{image-rendering:pixelated;max-width:100%;border:1px solid #ddd;margin-top:.4em}
            #grid-slider{width:min(600px,90%)}
            .strip{display:flex;flex-wrap:wrap;gap:8px;margin-top:.8em}
            .strip figure{margin:0;cursor:pointer}
            .strip img{width:120px;image-rendering:pixelated;border:2px solid transparent}
            .strip.side img{width:auto;max-width:400px}
            .strip img.eval-img{width:auto;max-width:600px}
            .strip figure.current img{border-color:#1f77b4}
            figcaption{font-size:12px;color:#555}
            .swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:.4em;vertical-align:-1px}
            """;

    private static final String SCRIPT = """
            (function () {
              var figs = Array.prototype.slice.call(document.querySelectorAll('.viewer ~ .strip figure.grid'));
              var slider = document.getElementById('grid-slider');
              var view = document.getElementById('grid-view');
              function show(i) {
                var f = figs[i];
                view.src = f.querySelector('img').src;
                document.getElementById('grid-label').textContent = 'iteration ' + f.dataset.iteration
                  + ' (' + (i + 1) + ' of ' + figs.length + ')';
                figs.forEach(function (g, k) { g.classList.toggle('current', k === i); });
                slider.value = i;
              }
              if (slider && figs.length) {
                view.addEventListener('load', function () {
                  // small grids (e.g. 28x28 digits) are magnified to about 480 px, in whole pixels
                  var k = Math.max(1, Math.floor(480 / view.naturalWidth));
                  view.style.width = (view.naturalWidth * k) + 'px';
                });
                slider.addEventListener('input', function () { show(+slider.value); });
                figs.forEach(function (g, k) { g.addEventListener('click', function () { show(k); }); });
                show(figs.length - 1);
              }
              function fmt(v) { return Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(3) : v.toPrecision(4); }
              document.querySelectorAll('svg.chart').forEach(function (svg) {
                var d = svg.dataset, left = +d.left, pw = +d.pw, top = +d.top, ph = +d.ph;
                var x0 = +d.x0, x1 = +d.x1, y0 = +d.y0, y1 = +d.y1;
                var lines = Array.prototype.map.call(svg.querySelectorAll('polyline.smooth'), function (p) {
                  return { label: p.dataset.label, pts: p.getAttribute('points').trim().split(' ').map(function (s) {
                    var xy = s.split(','); return [+xy[0], +xy[1]]; }) };
                });
                var cursor = svg.querySelector('.cursor'), readout = svg.querySelector('.readout');
                svg.addEventListener('mousemove', function (ev) {
                  var box = svg.getBoundingClientRect();
                  var px = (ev.clientX - box.left) * svg.viewBox.baseVal.width / box.width;
                  if (px < left || px > left + pw) { return; }
                  cursor.setAttribute('x1', px); cursor.setAttribute('x2', px);
                  var parts = ['iteration ' + Math.round(x0 + (px - left) / pw * (x1 - x0))];
                  lines.forEach(function (l) {
                    var best = null;
                    l.pts.forEach(function (p) { if (!best || Math.abs(p[0] - px) < Math.abs(best[0] - px)) { best = p; } });
                    if (best) { parts.push(l.label + ' ' + fmt(y0 + (top + ph - best[1]) / ph * (y1 - y0))); }
                  });
                  readout.textContent = parts.join('  ');
                });
              });
            })();
            """;
}
