package org.gan4j.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;
import org.gan4j.datasets.image.DatasetException;
import org.gan4j.datasets.image.ImageFiles;
import org.gan4j.datasets.image.ImageFolderDataset;
import org.gan4j.datasets.image.TransformOptions;
import org.gan4j.datasets.image.UnpairedPairsDataset;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two image domains of a translation task, read for {@link TranslationEvaluator}: the training split (to
 * train the scoring classifiers on real images) and an evaluation split, in either layout:
 * <ul>
 *   <li>{@link Layout#PAIRED} (edges2shoes): {@code ROOT/train/*}, {@code ROOT/val/*} (or another split), each
 *   file A on the left half and B on the right half;</li>
 *   <li>{@link Layout#UNPAIRED} (monet2photo): {@code ROOT/trainA}, {@code ROOT/trainB}, {@code ROOT/testA},
 *   {@code ROOT/testB}.</li>
 * </ul>
 * Each split folder may hold a {@value #LABELS_FILE} (header {@code file,label}, then one line per image file
 * name with its class name); a paired file's label is that of both halves. Images are read at their own size,
 * which must be the model's.
 */
public final class TranslationData {
    /** The class labels file a split folder may hold. */
    public static final String LABELS_FILE = "labels.csv";
    /** At most this many training images per domain are read (a seeded choice when there are more). */
    public static final int MAX_TRAINING_IMAGES = 3000;
    private static final long CHOICE_SEED = 0x7e57L;

    /** The two folder layouts. */
    public enum Layout {
        /** Side-by-side A|B files in {@code train/}, {@code val/}: aligned pairs. */
        PAIRED,
        /** Separate folders {@code trainA/}, {@code trainB/}, {@code testA/}, {@code testB/}. */
        UNPAIRED
    }

    /** The images of one domain in one split, in file-name order, with their labels if the split has them. */
    record Side(INDArray images, List<String> files, String[] labels) {
        int size() {
            return files.size();
        }
    }

    private final Path root;
    private final Layout layout;
    private final String split;
    private final int imageSize;
    private final Side trainA;
    private final Side trainB;
    private final Side evalA;
    private final Side evalB;
    private final String fingerprint;

    private TranslationData(Path root, Layout layout, String split, int imageSize, Side trainA, Side trainB, Side evalA,
            Side evalB, String fingerprint) {
        this.root = root;
        this.layout = layout;
        this.split = split;
        this.imageSize = imageSize;
        this.trainA = trainA;
        this.trainB = trainB;
        this.evalA = evalA;
        this.evalB = evalB;
        this.fingerprint = fingerprint;
    }

    /**
     * The layout of {@code root}: unpaired if it holds {@code trainA/} and {@code trainB/}, paired if it holds
     * {@code train/}.
     *
     * @throws DatasetException naming the folder if it is neither
     */
    public static Layout layoutOf(Path root) {
        if (Files.isDirectory(root.resolve("trainA")) && Files.isDirectory(root.resolve("trainB"))) {
            return Layout.UNPAIRED;
        }
        if (Files.isDirectory(root.resolve("train"))) {
            return Layout.PAIRED;
        }
        throw new DatasetException(root, Files.isDirectory(root) ? "holds neither train/ (paired A|B images) nor"
                + " trainA/ and trainB/ (unpaired domains)" : "data folder not found",
                "give the folder that holds train/ and val/ (edges2shoes layout) or trainA/, trainB/, testA/, testB/"
                + " (monet2photo layout), e.g. one made by 'gan data'");
    }

    /**
     * Reads the training split and the evaluation split {@code split} (null: {@code val} for paired data,
     * falling back to {@code test}; {@code test} for unpaired data).
     *
     * @param channelsA channels of domain A as the model sees it (1 or 3)
     * @param channelsB channels of domain B
     * @param imageSize the model's image size, or 0 to take the data's own
     * @param thickenEdgesA widen the dark strokes of A images as DiscoGAN's training does (paired layout only)
     * @throws DatasetException naming the file or folder: missing folders, images of another size than
     *     {@code imageSize}, a labels file without a line for an image
     */
    public static TranslationData read(Path root, String split, int channelsA, int channelsB, int imageSize,
            boolean thickenEdgesA) {
        Objects.requireNonNull(root, "root");
        Layout layout = layoutOf(root);
        String s = split != null ? split
                : layout == Layout.PAIRED && !Files.isDirectory(root.resolve("val")) && Files.isDirectory(root.resolve("test"))
                        ? "test" : layout == Layout.PAIRED ? "val" : "test";
        if (s.equals("train")) {
            throw new DatasetException(root, "the evaluation split cannot be the training split (the classifiers"
                    + " are trained on it)", "evaluate on held-out images: --split val or test");
        }
        int size = imageSize > 0 ? imageSize : ownSize(layout == Layout.PAIRED ? root.resolve("train")
                : root.resolve("trainA"), layout);
        List<Path> folders = layout == Layout.PAIRED ? List.of(root.resolve("train"), root.resolve(s))
                : List.of(root.resolve("trainA"), root.resolve("trainB"), root.resolve(s + "A"), root.resolve(s + "B"));
        for (Path f : folders) {
            if (!Files.isDirectory(f)) {
                throw new DatasetException(f, "folder not found", layout == Layout.PAIRED
                        ? "a paired dataset needs train/ and the evaluation split (--split, default val) of A|B images"
                        : "an unpaired dataset needs trainA/, trainB/ and the evaluation split's " + s + "A/, " + s + "B/");
            }
            checkSize(f, layout, size);
        }
        boolean labelled = folders.stream().anyMatch(f -> Files.isRegularFile(f.resolve(LABELS_FILE)));
        Side[] train;
        Side[] eval;
        if (layout == Layout.PAIRED) {
            train = paired(folders.get(0), channelsA, channelsB, size, thickenEdgesA, labelled, MAX_TRAINING_IMAGES);
            eval = paired(folders.get(1), channelsA, channelsB, size, thickenEdgesA, labelled, Integer.MAX_VALUE);
        } else {
            train = new Side[] {folder(folders.get(0), channelsA, size, labelled, MAX_TRAINING_IMAGES),
                folder(folders.get(1), channelsB, size, labelled, MAX_TRAINING_IMAGES)};
            eval = new Side[] {folder(folders.get(2), channelsA, size, labelled, Integer.MAX_VALUE),
                folder(folders.get(3), channelsB, size, labelled, Integer.MAX_VALUE)};
        }
        String settings = "layout=" + layout + ";size=" + size + ";channels=" + channelsA + "," + channelsB + ";thicken="
                + thickenEdgesA;
        String fingerprint = fingerprint(settings, folders.subList(0, layout == Layout.PAIRED ? 1 : 2));
        return new TranslationData(root, layout, s, size, train[0], train[1], eval[0], eval[1], fingerprint);
    }

    /** The data folder. */
    public Path root() {
        return root;
    }

    public Layout layout() {
        return layout;
    }

    /** The evaluation split's name ({@code val}, {@code test}, ...). */
    public String split() {
        return split;
    }

    /** Height and width of every image. */
    public int imageSize() {
        return imageSize;
    }

    /** Whether the split folders carry {@value #LABELS_FILE}, so that content can be scored. */
    public boolean labelled() {
        return evalA.labels() != null;
    }

    /** Images of domain A ({@code a}) or B in the evaluation split. */
    public int evaluationImages(boolean a) {
        return (a ? evalA : evalB).size();
    }

    /** Images of domain A ({@code a}) or B read from the training split. */
    public int trainingImages(boolean a) {
        return (a ? trainA : trainB).size();
    }

    Side train(boolean a) {
        return a ? trainA : trainB;
    }

    Side eval(boolean a) {
        return a ? evalA : evalB;
    }

    /** A hash of the training images, their labels and the reading settings: the key of cached classifiers. */
    String fingerprint() {
        return fingerprint;
    }

    /** The side of the first image of the training folder. */
    private static int ownSize(Path folder, Layout layout) {
        List<Path> files = listed(folder);
        var img = ImageFiles.read(files.get(0));
        return layout == Layout.PAIRED ? img.getWidth() / 2 : img.getWidth();
    }

    /** The first image of {@code folder} must be {@code size} square (each half, for pairs). */
    private static void checkSize(Path folder, Layout layout, int size) {
        Path first = listed(folder).get(0);
        var img = ImageFiles.read(first);
        int w = layout == Layout.PAIRED ? img.getWidth() / 2 : img.getWidth();
        int h = img.getHeight();
        if (w != size || h != size) {
            throw new DatasetException(first, (layout == Layout.PAIRED ? "each half is " : "image is ") + w + "x" + h
                    + ", but the model works on " + size + "x" + size + " images",
                    "evaluate on data made at " + size + "x" + size + " (e.g. 'gan data ... --size " + size
                    + "'), or a model trained at " + w + "x" + h);
        }
    }

    private static List<Path> listed(Path folder) {
        List<Path> files = ImageFiles.list(folder);
        if (files.isEmpty()) {
            throw new DatasetException(folder, "no images (" + ImageFiles.EXTENSIONS + ")", "put the split's images there");
        }
        return files;
    }

    private static Side[] paired(Path folder, int channelsA, int channelsB, int size, boolean thicken, boolean labelled,
            int max) {
        UnpairedPairsDataset.Builder b = UnpairedPairsDataset.builder(folder.getParent()).split(folder.getFileName().toString())
                .testMode(true).disjoint(false).thickenEdges(thicken).channels(channelsA, channelsB)
                .transform(TransformOptions.resizeOnly(size));
        int n = b.build().size();
        UnpairedPairsDataset ds = b.batchSize(divisor(n)).build();
        int[] keep = chosen(n, max);
        INDArray[] both = readAll(ds, keep, true);
        List<String> names = names(ds.filesA(), keep);
        String[] labels = labelled ? labels(folder, names) : null;
        return new Side[] {new Side(both[0], names, labels), new Side(both[1], names, labels)};
    }

    private static Side folder(Path folder, int channels, int size, boolean labelled, int max) {
        ImageFolderDataset.Builder b = ImageFolderDataset.builder(folder).testMode(true).channels(channels)
                .transform(TransformOptions.resizeOnly(size));
        int n = b.build().size();
        ImageFolderDataset ds = b.batchSize(divisor(n)).build();
        int[] keep = chosen(n, max);
        INDArray images = readAll(ds, keep, false)[0];
        List<String> names = names(ds.files(), keep);
        return new Side(images, names, labelled ? labels(folder, names) : null);
    }

    /** The largest batch size up to 64 that divides {@code n} (test mode drops a last partial batch). */
    private static int divisor(int n) {
        for (int d = Math.min(64, n); d > 1; d--) {
            if (n % d == 0) {
                return d;
            }
        }
        return 1;
    }

    /** All indices 0..n-1, or a seeded sorted choice of {@code max} of them. */
    private static int[] chosen(int n, int max) {
        if (n <= max) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        int[] order = SmallCnn.permutation(n, new java.util.SplittableRandom(CHOICE_SEED));
        int[] keep = java.util.Arrays.copyOf(order, max);
        java.util.Arrays.sort(keep);
        return keep;
    }

    private static List<String> names(List<Path> files, int[] keep) {
        List<String> out = new ArrayList<>(keep.length);
        for (int i : keep) {
            out.add(files.get(i).getFileName().toString());
        }
        return out;
    }

    /** The examples at {@code keep} (sorted), every one read once in name order: {a} or {a, b}. */
    private static INDArray[] readAll(BatchSource ds, int[] keep, boolean both) {
        List<INDArray> as = new ArrayList<>();
        List<INDArray> bs = new ArrayList<>();
        int next = 0;
        int index = 0;
        try (BatchSource.BatchStream stream = ds.epoch(0, 0, 0)) {
            while (stream.hasNext() && next < keep.length) {
                Batch batch = stream.next();
                long rows = batch.a().size(0);
                for (int r = 0; r < rows; r++, index++) {
                    if (next < keep.length && keep[next] == index) {
                        as.add(batch.a().slice(r).dup());
                        if (both) {
                            bs.add(batch.b().slice(r).dup());
                        }
                        next++;
                    }
                }
            }
        }
        INDArray a = Nd4j.stack(0, as.toArray(INDArray[]::new));
        return both ? new INDArray[] {a, Nd4j.stack(0, bs.toArray(INDArray[]::new))} : new INDArray[] {a};
    }

    /**
     * The label of each file from {@code folder/labels.csv}.
     *
     * @throws DatasetException if the file is missing (while other splits have one), malformed or lacks a file
     */
    private static String[] labels(Path folder, List<String> names) {
        Path file = folder.resolve(LABELS_FILE);
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, "missing, while other split folders of this dataset have labels; the"
                    + " content score needs the labels of every split", "add it (header 'file,label', one line per"
                    + " image), or remove the other labels.csv files to evaluate without content scores");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the labels (" + e.getMessage() + ")", e);
        }
        if (lines.isEmpty() || !lines.get(0).strip().replace("\uFEFF", "").equals("file,label")) {
            throw new DatasetException(file, "the first line must be the header 'file,label'", "write the header,"
                    + " then one 'name.jpg,class' line per image");
        }
        Map<String, String> byName = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int comma = line.indexOf(',');
            if (comma <= 0 || comma == line.length() - 1) {
                throw new DatasetException(file, "line " + (i + 1) + " '" + line + "' is not 'file,label'",
                        "one 'name.jpg,class' line per image");
            }
            byName.put(line.substring(0, comma).strip(), line.substring(comma + 1).strip());
        }
        String[] out = new String[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = byName.get(names.get(i));
            if (out[i] == null) {
                throw new DatasetException(file, "no label for image " + names.get(i), "add a line '" + names.get(i)
                        + ",CLASS'");
            }
        }
        return out;
    }

    /** SHA-256 over the settings and, for each training folder, each file's name and bytes in name order. */
    private static String fingerprint(String settings, List<Path> trainingFolders) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(settings.getBytes(StandardCharsets.UTF_8));
            for (Path folder : trainingFolders) {
                List<Path> files = new ArrayList<>(ImageFiles.list(folder));
                if (Files.isRegularFile(folder.resolve(LABELS_FILE))) {
                    files.add(folder.resolve(LABELS_FILE));
                }
                for (Path f : files) {
                    md.update((folder.getFileName() + "/" + f.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
                    md.update(Files.readAllBytes(f));
                }
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the training images to identify them: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
