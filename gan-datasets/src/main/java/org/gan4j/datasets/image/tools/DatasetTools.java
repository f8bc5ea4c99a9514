package org.gan4j.datasets.image.tools;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.gan4j.datasets.image.BadImageException;
import org.gan4j.datasets.image.DatasetException;
import org.gan4j.datasets.image.ImageFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds datasets: side-by-side pairs, edges2X pairs from photos, reproducible splits, photo collections. */
public final class DatasetTools {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetTools.class);
    private static final List<String> SPLITS = List.of("train", "val", "test");

    private DatasetTools() {}

    /** What a tool wrote: images per output folder, and the inputs it could not use (file -> reason). */
    public record Result(Map<String, Integer> written, Map<Path, String> skipped) {
        public int total() {
            return written.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** A|B side by side; both halves must have the same size. */
    public static BufferedImage sideBySide(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("halves differ in size: " + a.getWidth() + "x" + a.getHeight()
                    + " and " + b.getWidth() + "x" + b.getHeight());
        }
        BufferedImage out = new BufferedImage(2 * a.getWidth(), a.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.drawImage(a, 0, 0, null);
        g.drawImage(b, a.getWidth(), 0, null);
        g.dispose();
        return out;
    }

    /**
     * pix2pix's combine_A_and_B: images of {@code aDir} and {@code bDir} with the same base name become one
     * side-by-side image in {@code outRoot/<split>}. If the folders have train/val/test subfolders, each is
     * combined into the split of the same name; otherwise everything goes to {@code train}.
     *
     * @param size 0 to keep the sizes (A and B must then match), or N to resize each half to N x N
     */
    public static Result makePaired(Path aDir, Path bDir, Path outRoot, int size, String extension) {
        Map<String, Integer> written = new LinkedHashMap<>();
        Map<Path, String> skipped = new LinkedHashMap<>();
        List<String> splits = SPLITS.stream().filter(s -> Files.isDirectory(aDir.resolve(s))).toList();
        if (splits.isEmpty()) {
            combine(aDir, bDir, outRoot.resolve("train"), size, extension, written, "train", skipped);
        } else {
            for (String s : splits) {
                combine(aDir.resolve(s), bDir.resolve(s), outRoot.resolve(s), size, extension, written, s, skipped);
            }
        }
        return new Result(written, skipped);
    }

    private static void combine(Path aDir, Path bDir, Path out, int size, String ext, Map<String, Integer> written,
            String split, Map<Path, String> skipped) {
        Map<String, Path> bByName = new LinkedHashMap<>();
        for (Path b : ImageFiles.list(bDir)) {
            bByName.put(base(b), b);
        }
        int n = 0;
        for (Path a : ImageFiles.list(aDir)) {
            Path b = bByName.remove(base(a));
            if (b == null) {
                skipped.put(a, "no image named " + base(a) + ".* in " + bDir);
                continue;
            }
            try {
                BufferedImage ia = ImageFiles.read(a);
                BufferedImage ib = ImageFiles.read(b);
                if (size > 0) {
                    ia = ImageFiles.resize(ia, size, size);
                    ib = ImageFiles.resize(ib, size, size);
                } else if (ia.getWidth() != ib.getWidth() || ia.getHeight() != ib.getHeight()) {
                    skipped.put(a, "size " + ia.getWidth() + "x" + ia.getHeight() + " differs from " + b + " ("
                            + ib.getWidth() + "x" + ib.getHeight() + "); use --size N");
                    continue;
                }
                ImageFiles.write(sideBySide(ia, ib), out.resolve(base(a) + "." + ext));
                n++;
            } catch (BadImageException e) {
                skipped.put(e.path(), e.problem());
            }
        }
        for (Path b : bByName.values()) {
            skipped.put(b, "no image of the same name in " + aDir);
        }
        written.put(split, n);
    }

    /**
     * edges2X from photos, the way edges2shoes was made: each photo's centred square, resized to
     * {@code size}, becomes [edge map | photo] in {@code outRoot/train} or {@code outRoot/val}
     * ({@code valFraction} of the photos, chosen reproducibly from {@code seed}).
     */
    public static Result makeEdges(Path photos, Path outRoot, int size, double valFraction, long seed, EdgeDetector detector) {
        List<Path> files = ImageFiles.list(photos);
        Map<String, List<Path>> parts = assign(files, parts(Map.of("train", 1 - valFraction, "val", valFraction)), seed);
        Map<String, Integer> written = new LinkedHashMap<>();
        Map<Path, String> skipped = new LinkedHashMap<>();
        for (var e : parts.entrySet()) {
            int n = 0;
            for (Path p : e.getValue()) {
                try {
                    BufferedImage photo = ImageFiles.centreSquare(ImageFiles.read(p), size);
                    BufferedImage edges = detector.edges(photo);
                    ImageFiles.write(sideBySide(edges, photo), outRoot.resolve(e.getKey()).resolve(base(p) + ".jpg"));
                    n++;
                } catch (BadImageException ex) {
                    LOG.warn("skipping {}", ex.getMessage());
                    skipped.put(p, ex.problem());
                }
            }
            written.put(e.getKey(), n);
        }
        return new Result(written, skipped);
    }

    /**
     * Demo-data helper: {@code perImage} random square crops (side 40-100% of the shorter side) of every
     * image in {@code in}, resized to {@code size} and written as JPEGs to {@code out}; reproducible from {@code seed}.
     */
    public static Result tiles(Path in, Path out, int size, int perImage, long seed) {
        Random r = new Random(seed);
        Map<Path, String> skipped = new LinkedHashMap<>();
        int n = 0;
        for (Path p : ImageFiles.list(in)) {
            BufferedImage img;
            try {
                img = ImageFiles.read(p);
            } catch (BadImageException e) {
                skipped.put(p, e.problem());
                continue;
            }
            int shorter = Math.min(img.getWidth(), img.getHeight());
            for (int t = 0; t < perImage; t++) {
                int s = Math.max(1, (int) (shorter * (0.4 + 0.6 * r.nextDouble())));
                int x = r.nextInt(img.getWidth() - s + 1);
                int y = r.nextInt(img.getHeight() - s + 1);
                BufferedImage tile = ImageFiles.resize(img.getSubimage(x, y, s, s), size, size);
                ImageFiles.write(tile, out.resolve(base(p) + "_" + t + ".jpg"));
                n++;
            }
        }
        return new Result(Map.of(out.getFileName().toString(), n), skipped);
    }

    /**
     * Gathers photos for super-resolution: every image file given, and every image file under every folder given
     * (recursively, in name order), is written to {@code out} as a PNG (lossless, so no new compression
     * artefacts enter the ground truth) of the same base name, shrunk with the antialiased bicubic filter so
     * that its longer side is at most {@code maxSide} (0 = keep the size; never enlarged). Files that share a
     * base name are told apart by the nearest folder name that differs: {@code BytheWater/contents/images/2560x1600.jpg}
     * and {@code Path/contents/images/2560x1600.jpg} become {@code BytheWater_2560x1600.png} and
     * {@code Path_2560x1600.png}.
     *
     * @throws DatasetException if a source is missing or holds no image
     */
    public static Result collectPhotos(List<Path> sources, Path out, int maxSide) {
        if (maxSide < 0) {
            throw new IllegalArgumentException("maxSide must be >= 0 (0 = keep), got " + maxSide);
        }
        List<Path> files = new ArrayList<>();
        for (Path source : sources) {
            for (Path file : imagesUnder(source)) {
                Path same = file.toAbsolutePath().normalize(); // a file given twice is collected once
                if (!files.contains(same)) {
                    files.add(same);
                }
            }
        }
        Map<String, Path> byName = outputNames(files);
        Map<Path, String> skipped = new LinkedHashMap<>();
        int n = 0;
        for (var e : byName.entrySet()) {
            try {
                BufferedImage img = ImageFiles.read(e.getValue());
                int longer = Math.max(img.getWidth(), img.getHeight());
                if (maxSide > 0 && longer > maxSide) {
                    double f = (double) maxSide / longer;
                    img = ImageFiles.resize(img, Math.max(1, (int) Math.round(img.getWidth() * f)),
                            Math.max(1, (int) Math.round(img.getHeight() * f)));
                }
                ImageFiles.write(img, out.resolve(e.getKey() + ".png"));
                n++;
            } catch (BadImageException ex) {
                LOG.warn("skipping {}", ex.getMessage());
                skipped.put(ex.path(), ex.problem());
            }
        }
        return new Result(Map.of(out.getFileName().toString(), n), skipped);
    }

    /** Output base name of each file: its own base name, or {@code folder_base} for files that share one. */
    static Map<String, Path> outputNames(List<Path> files) {
        Map<String, List<Path>> groups = new LinkedHashMap<>();
        for (Path f : files) {
            groups.computeIfAbsent(base(f), k -> new ArrayList<>()).add(f);
        }
        Map<String, Path> byName = new TreeMap<>();
        for (var g : groups.entrySet()) {
            if (g.getValue().size() == 1) {
                byName.put(g.getKey(), g.getValue().get(0));
                continue;
            }
            for (Path f : g.getValue()) {
                String name = distinguishingFolder(f, g.getValue()) + "_" + g.getKey();
                Path other = byName.put(name, f);
                if (other != null || groups.containsKey(name)) {
                    throw new DatasetException(f, "gets the output name " + name + " of another photo",
                            "copy one of them under another name and give that copy");
                }
            }
        }
        return byName;
    }

    /** The name of {@code file}'s nearest ancestor folder that differs from the other files' at the same level. */
    private static String distinguishingFolder(Path file, List<Path> group) {
        Path f = file.toAbsolutePath();
        for (int up = 1; up < f.getNameCount(); up++) {
            String mine = f.getName(f.getNameCount() - 1 - up).toString();
            int level = up;
            boolean unique = group.stream().map(Path::toAbsolutePath).filter(o -> !o.equals(f)).noneMatch(o ->
                    o.getNameCount() - 1 - level >= 0 && o.getName(o.getNameCount() - 1 - level).toString().equals(mine));
            if (unique) {
                return mine;
            }
        }
        throw new DatasetException(file, "cannot be told apart from the other files named " + file.getFileName()
                + " by its folders", "copy one of them under another name and give that copy");
    }

    /** {@code source} itself if it is an image file, else the image files under it, recursively, sorted. */
    private static List<Path> imagesUnder(Path source) {
        if (Files.isRegularFile(source)) {
            if (!ImageFiles.isImageName(source)) {
                throw new DatasetException(source, "not an image file (" + String.join("/", ImageFiles.EXTENSIONS) + ")",
                        "give image files or folders that hold them");
            }
            return List.of(source);
        }
        if (!Files.isDirectory(source)) {
            throw new DatasetException(source, "no such file or folder", "check the path (unpack a package with dpkg -x first)");
        }
        List<Path> files;
        try (var walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).filter(ImageFiles::isImageName).sorted().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot list " + source + ": " + ex.getMessage(), ex);
        }
        if (files.isEmpty()) {
            throw new DatasetException(source, "no images (" + String.join("/", ImageFiles.EXTENSIONS) + ") under this folder",
                    "give a folder that holds photos, or the photo files themselves");
        }
        return files;
    }

    private static Map<String, Double> parts(Map<String, Double> m) {
        Map<String, Double> ordered = new LinkedHashMap<>();
        ordered.put("train", m.get("train"));
        ordered.put("val", m.get("val"));
        return ordered;
    }

    /**
     * Splits the images of {@code in} into subfolders of {@code outRoot} by fractions, e.g.
     * {train: 0.9, test: 0.1} or {trainA: 0.8, testA: 0.2}. The assignment depends only on the sorted
     * file names and {@code seed}. Files are copied.
     */
    public static Result split(Path in, Path outRoot, Map<String, Double> fractions, long seed) {
        checkFractions(fractions); // before listing: a wrong split is reported whatever the folder holds
        Map<String, List<Path>> parts = assign(ImageFiles.list(in), fractions, seed);
        Map<String, Integer> written = new LinkedHashMap<>();
        for (var e : parts.entrySet()) {
            Path dir = outRoot.resolve(e.getKey());
            try {
                Files.createDirectories(dir);
                for (Path p : e.getValue()) {
                    Files.copy(p, dir.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot copy into " + dir + ": " + ex.getMessage(), ex);
            }
            written.put(e.getKey(), e.getValue().size());
        }
        return new Result(written, Map.of());
    }

    /** Reproducible assignment of files to parts: shuffle with {@code seed}, cut by cumulative fractions. */
    static Map<String, List<Path>> assign(List<Path> files, Map<String, Double> fractions, long seed) {
        checkFractions(fractions);
        List<Path> shuffled = new ArrayList<>(files);
        java.util.Collections.sort(shuffled);
        java.util.Collections.shuffle(shuffled, new Random(seed));
        Map<String, List<Path>> out = new LinkedHashMap<>();
        double cum = 0;
        int start = 0;
        for (var e : fractions.entrySet()) {
            cum += e.getValue();
            int end = (int) Math.round(Math.min(1, cum) * shuffled.size());
            List<Path> part = new ArrayList<>(shuffled.subList(start, Math.min(end, shuffled.size())));
            part.sort(null);
            out.put(e.getKey(), part);
            start = end;
        }
        return out;
    }

    /** Each fraction in [0, 1], together 1. */
    private static void checkFractions(Map<String, Double> fractions) {
        double total = fractions.values().stream().mapToDouble(f -> f == null ? Double.NaN : f).sum();
        if (fractions.isEmpty() || fractions.values().stream().anyMatch(f -> f == null || !(f >= 0 && f <= 1))) {
            throw new DatasetException(null, "bad split fractions " + fractions,
                    "give each part a fraction between 0 and 1, e.g. train=0.9,test=0.1");
        }
        if (Math.abs(total - 1) > 1e-6) {
            throw new DatasetException(null, "split fractions " + fractions + " sum to " + (float) total + ", not 1",
                    "make the fractions add up to 1, e.g. train=0.9,test=0.1");
        }
    }

    static String base(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
