package org.gan4j.datasets.image.tools;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gan4j.datasets.image.BadImageException;
import org.gan4j.datasets.image.DatasetException;
import org.gan4j.datasets.image.ImageFiles;

/** Validates a dataset in the unpaired, paired or single-folder layout and reports what it holds. */
public final class DatasetCheck {
    private DatasetCheck() {}

    /** Layout found under the root. */
    public enum Layout { UNPAIRED, PAIRED, FOLDER }

    /** One image folder: image count, sizes and channel kinds with counts, bad files, ignored files. */
    public record Folder(String name, int images, Map<String, Integer> sizes, Map<String, Integer> channels,
            Map<Path, String> bad, List<Path> ignored) {}

    /** The whole dataset. */
    public record Report(Path root, Layout layout, List<Folder> folders) {
        public int badCount() {
            return folders.stream().mapToInt(f -> f.bad().size()).sum();
        }

        public boolean ok() {
            return badCount() == 0;
        }

        /** Human-readable report, one folder per paragraph, every bad file on its own line. */
        public String format() {
            StringBuilder sb = new StringBuilder();
            sb.append(root).append(": ").append(layout.name().toLowerCase(java.util.Locale.ROOT)).append(" layout\n");
            for (Folder f : folders) {
                sb.append(String.format("  %-8s %6d images  sizes %s  channels %s%n", f.name(), f.images(), f.sizes(), f.channels()));
                for (var e : f.bad().entrySet()) {
                    sb.append("    BAD ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
                }
                if (!f.ignored().isEmpty()) {
                    sb.append("    ignored ").append(f.ignored().size()).append(" non-image file(s), e.g. ")
                            .append(f.ignored().get(0).getFileName()).append('\n');
                }
            }
            sb.append(ok() ? "OK" : badCount() + " bad file(s)").append('\n');
            return sb.toString();
        }
    }

    /**
     * Checks {@code root}: unpaired if it has trainA/trainB/testA/testB, paired if it has train/val/test,
     * otherwise a folder of images. Every image is decoded.
     *
     * @throws DatasetException if the root is missing or holds none of the layouts
     */
    public static Report check(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root, "dataset root not found", "give the folder that holds the dataset");
        }
        List<String> unpaired = present(root, List.of("trainA", "trainB", "testA", "testB"));
        List<String> paired = present(root, List.of("train", "val", "test"));
        List<Folder> folders = new ArrayList<>();
        Layout layout;
        if (!unpaired.isEmpty()) {
            layout = Layout.UNPAIRED;
            for (String s : unpaired) {
                folders.add(folder(root.resolve(s), s, false));
            }
        } else if (!paired.isEmpty()) {
            layout = Layout.PAIRED;
            for (String s : paired) {
                folders.add(folder(root.resolve(s), s, true));
            }
        } else {
            layout = Layout.FOLDER;
            folders.add(folder(root, ".", false));
        }
        return new Report(root, layout, folders);
    }

    private static List<String> present(Path root, List<String> names) {
        return names.stream().filter(n -> Files.isDirectory(root.resolve(n))).toList();
    }

    private static Folder folder(Path dir, String name, boolean pairs) {
        Map<String, Integer> sizes = new TreeMap<>();
        Map<String, Integer> channels = new TreeMap<>();
        Map<Path, String> bad = new LinkedHashMap<>();
        List<Path> images;
        try {
            images = ImageFiles.list(dir);
        } catch (DatasetException e) {
            bad.put(dir, e.getMessage());
            return new Folder(name, 0, sizes, channels, bad, ImageFiles.nonImages(dir));
        }
        for (Path p : images) {
            try {
                BufferedImage img = ImageFiles.read(p);
                int w = img.getWidth();
                int h = img.getHeight();
                sizes.merge(w + "x" + h, 1, Integer::sum);
                channels.merge(img.getType() == BufferedImage.TYPE_BYTE_GRAY ? "gray" : "rgb", 1, Integer::sum);
                if (pairs && w % 2 != 0) {
                    bad.put(p, "odd width " + w + ": cannot split into A|B halves");
                } else if (pairs && w != 2 * h) {
                    bad.put(p, w + "x" + h + " is not two square halves (width = 2 x height)");
                }
            } catch (BadImageException e) {
                bad.put(p, e.problem());
            }
        }
        return new Folder(name, images.size(), sizes, channels, bad, ImageFiles.nonImages(dir));
    }
}
