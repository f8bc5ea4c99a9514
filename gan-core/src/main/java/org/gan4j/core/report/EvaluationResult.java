package org.gan4j.core.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gan4j.core.io.AtomicFiles;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * One evaluation of a run (e.g. {@code gan evaluate mnist}), stored as {@code RUN/eval/NAME.json} so that
 * the run report shows it: a table of rows (the model and its baselines) by columns (the scores).
 *
 * @param name file name without {@code .json}, e.g. {@code mnist}
 * @param title heading, e.g. "MNIST classifier scores"
 * @param details what was measured: checkpoint, iteration, data, seeds
 * @param columns score names, e.g. "PSNR (dB)"
 * @param rows the model first, then its baselines
 * @param images pictures the evaluation wrote (e.g. super-resolution strips), relative to the run folder
 */
public record EvaluationResult(String name, String title, String details, List<String> columns, List<Row> rows,
        List<String> images) {
    /** Folder of the results inside a run folder. */
    public static final String FOLDER = "eval";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One line of the table, e.g. "model" or "bicubic (baseline)". */
    public record Row(String name, List<Double> values) {
        public Row {
            values = List.copyOf(values);
        }
    }

    public EvaluationResult {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("evaluation name must be a plain file name, got '" + name + "'");
        }
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        images = List.copyOf(images);
        for (Row r : rows) {
            if (r.values().size() != columns.size()) {
                throw new IllegalArgumentException("row '" + r.name() + "' has " + r.values().size() + " values for "
                        + columns.size() + " columns");
            }
        }
    }

    /** Writes {@code run/eval/NAME.json} atomically (replacing an earlier result of the same name); returns it. */
    public Path writeTo(Path run) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name).put("title", title).put("details", details);
        columns.forEach(root.putArray("columns")::add);
        ArrayNode rowsNode = root.putArray("rows");
        for (Row r : rows) {
            ObjectNode n = rowsNode.addObject().put("name", r.name());
            ArrayNode v = n.putArray("values");
            r.values().forEach(v::add);
        }
        images.forEach(root.putArray("images")::add);
        Path file = run.resolve(FOLDER).resolve(name + ".json");
        byte[] bytes = JSON.writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(bytes));
        return file;
    }

    /** Every result in {@code run/eval/}, by name. */
    public static List<EvaluationResult> readAll(Path run) throws IOException {
        Path folder = run.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        List<EvaluationResult> out = new ArrayList<>();
        for (Path f : files) {
            out.add(read(f));
        }
        return out;
    }

    /** Reads one stored result. */
    public static EvaluationResult read(Path file) throws IOException {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<String> columns = new ArrayList<>();
            root.path("columns").forEach(c -> columns.add(c.asText()));
            List<Row> rows = new ArrayList<>();
            for (JsonNode r : root.path("rows")) {
                List<Double> values = new ArrayList<>();
                r.path("values").forEach(v -> values.add(v.isNumber() ? v.asDouble() : Double.NaN));
                rows.add(new Row(r.path("name").asText(), values));
            }
            List<String> images = new ArrayList<>();
            root.path("images").forEach(i -> images.add(i.asText()));
            String fileName = file.getFileName().toString();
            return new EvaluationResult(fileName.substring(0, fileName.length() - 5), root.path("title").asText(),
                    root.path("details").asText(), columns, rows, images);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a readable evaluation result (" + e.getMessage()
                    + "): run the evaluation again or delete the file", e);
        }
    }
}
