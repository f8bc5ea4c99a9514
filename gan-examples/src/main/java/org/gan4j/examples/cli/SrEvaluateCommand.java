package org.gan4j.examples.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gan4j.core.image.Bicubic;
import org.gan4j.core.image.ImageFiles;
import org.gan4j.core.image.ImageTensors;
import org.gan4j.core.report.EvaluationResult;
import org.gan4j.eval.TwoSampleTest;
import org.gan4j.models.srgan.ImageQuality;
import org.gan4j.models.srgan.Upscaler;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gan evaluate sr}. */
@Command(name = "sr", mixinStandardHelpOptions = true,
        description = {"4x super-resolution quality on a folder of HR photos, the papers' protocol: HR cropped to a "
                + "multiple of 4, LR = bicubic x1/4 (MATLAB imresize style), PSNR/SSIM on Y (BT.601) with a "
                + "4-pixel border crop, next to the bicubic x4 baseline on the same images; then a realism "
                + "score: a classifier two-sample test telling real HR patches from SR patches (50 %% = "
                + "indistinguishable, docs/models/srgan.md)."})
public final class SrEvaluateCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "srresnet/srgan checkpoint, checkpoints/ folder or run folder")
    Path checkpoint;

    @Option(names = "--data", required = true, description = "folder of HR images (held out from training)")
    Path data;

    @Option(names = "--center-crop", converter = NumericOptions.NonNegative.class, description = "evaluate the central N x N of each image (0 = whole image; default: ${DEFAULT-VALUE})")
    int centerCrop;

    @Option(names = "--strips", description = "write bicubic | SR | HR strips of each image's centre into this folder (default: RUN/eval/sr-strips when --checkpoint is a run folder, for its report)")
    Path strips;

    @Option(names = "--strip-size", converter = NumericOptions.Positive.class, description = "HR side of each strip panel (default: ${DEFAULT-VALUE})")
    int stripSize = 160;

    @Option(names = "--realism-patches", converter = NumericOptions.NonNegative.class, description = "realism score: at most N patches of "
            + REALISM_PATCH + "x" + REALISM_PATCH + " HR pixels per image: the grid patches with the most detail bicubic loses (0 = no realism score; default: ${DEFAULT-VALUE})")
    int realismPatches = 32;

    /** Side of the realism test's patches in HR pixels: the small classifier's input. */
    static final int REALISM_PATCH = 64;

    @Override
    public Integer call() throws Exception {
        int s = Upscaler.SCALE;
        Upscaler up = UpscaleCommand.load(checkpoint);
        List<Path> files = org.gan4j.datasets.image.ImageFiles.list(data);
        double[] sum = new double[4];
        Optional<Path> run = StoredEvaluations.runFolderOf(checkpoint);
        // on a run folder, the strips go into it for the report unless asked elsewhere
        Path stripFolder = strips != null ? strips : run.map(r -> r.resolve(EvaluationResult.FOLDER).resolve("sr-strips")).orElse(null);
        List<String> stripFiles = new ArrayList<>();
        List<INDArray> realPatches = new ArrayList<>();
        List<INDArray> srPatches = new ArrayList<>();
        List<INDArray> bicubicPatches = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-28s %10s %10s %10s %10s%n", "image", "PSNR bic", "PSNR SR", "SSIM bic", "SSIM SR");
        for (Path f : files) {
            BufferedImage img = UpscaleCommand.read(f);
            int w = img.getWidth();
            int h = img.getHeight();
            if (centerCrop > 0) {
                w = Math.min(w, centerCrop);
                h = Math.min(h, centerCrop);
            }
            w -= w % s;
            h -= h % s;
            BufferedImage hr = copy(img, (img.getWidth() - w) / 2, (img.getHeight() - h) / 2, w, h);
            BufferedImage lr = Bicubic.resize(hr, w / s, h / s);
            BufferedImage bic = Bicubic.resize(lr, w, h);
            BufferedImage sr = up.upscale(lr);
            double[] m = {ImageQuality.psnr(bic, hr, s), ImageQuality.psnr(sr, hr, s),
                ImageQuality.ssim(bic, hr, s), ImageQuality.ssim(sr, hr, s)};
            for (int i = 0; i < 4; i++) {
                sum[i] += m[i];
            }
            System.out.printf(Locale.ROOT, "%-28s %10.2f %10.2f %10.4f %10.4f%n", f.getFileName(), m[0], m[1], m[2], m[3]);
            List<int[]> places = realismPatches == 0 ? List.of() : patchPlaces(detail(hr, bic), w, REALISM_PATCH, realismPatches);
            if (!places.isEmpty()) {
                realPatches.add(patches(hr, places));
                srPatches.add(patches(sr, places));
                bicubicPatches.add(patches(bic, places));
            }
            if (stripFolder != null) {
                BufferedImage strip = strip(List.of(bic, sr, hr), Math.min(stripSize, Math.min(w, h)));
                Path stripFile = stripFolder.resolve(f.getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".png");
                Files.createDirectories(stripFolder);
                ImageFiles.writePng(strip, stripFile);
                if (run.isPresent() && stripFile.toAbsolutePath().normalize().startsWith(run.get().toAbsolutePath().normalize())) {
                    stripFiles.add(run.get().toAbsolutePath().normalize().relativize(stripFile.toAbsolutePath().normalize())
                            .toString().replace('\\', '/'));
                }
            }
        }
        int n = files.size();
        System.out.printf(Locale.ROOT, "%-28s %10.2f %10.2f %10.4f %10.4f%n", "mean (" + n + " images)",
                sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n);
        List<String> columns = new ArrayList<>(List.of("PSNR (dB)", "SSIM"));
        List<Double> srRow = new ArrayList<>(List.of(sum[1] / n, sum[3] / n));
        List<Double> bicubicRow = new ArrayList<>(List.of(sum[0] / n, sum[2] / n));
        String realismDetails = realism(realPatches, srPatches, bicubicPatches, columns, srRow, bicubicRow);
        StoredEvaluations.save(checkpoint, new EvaluationResult("sr", "4x super-resolution on held-out photos", n
                + " images from " + data + (centerCrop > 0 ? ", central " + centerCrop + " px" : "") + "; PSNR/SSIM on Y,"
                + " 4-pixel border cropped" + realismDetails + "; strips: bicubic | SR | HR", columns,
                List.of(new EvaluationResult.Row("SR (model)", srRow),
                        new EvaluationResult.Row("bicubic x4 (baseline)", bicubicRow)), stripFiles));
        return 0;
    }

    /**
     * The realism score of SR and bicubic patches against the real ones (per image), printed and added as a
     * column to both rows; the text for the stored details, empty if the score was not computed.
     */
    private String realism(List<INDArray> real, List<INDArray> sr, List<INDArray> bicubic, List<String> columns,
            List<Double> srRow, List<Double> bicubicRow) {
        if (real.size() < 2) {
            if (realismPatches > 0) {
                System.out.println("realism: skipped (needs at least 2 images of at least " + REALISM_PATCH + "x"
                        + REALISM_PATCH + " pixels)");
            }
            return "";
        }
        double srRealism = TwoSampleTest.crossFitted(real, sr);
        double bicubicRealism = TwoSampleTest.crossFitted(real, bicubic);
        int count = real.stream().mapToInt(a -> (int) a.size(0)).sum();
        System.out.printf(Locale.ROOT, "realism, two-sample accuracy (real HR vs these; 50 %% = indistinguishable) on %d"
                + " patches of %dx%d from %d images, cross-fitted by image: SR %.1f %%, bicubic %.1f %%%n", count,
                REALISM_PATCH, REALISM_PATCH, real.size(), 100 * srRealism, 100 * bicubicRealism);
        columns.add("2-sample % (realism)");
        srRow.add(100 * srRealism);
        bicubicRow.add(100 * bicubicRealism);
        return "; realism: two-sample accuracy on " + count + " patches of " + REALISM_PATCH + "x" + REALISM_PATCH
                + ", cross-fitted by image (50 % = indistinguishable)";
    }

    /** The central {@code side} x {@code side} pixels of each image (same sizes), side by side with 4-pixel white gaps. */
    private static BufferedImage strip(List<BufferedImage> images, int side) {
        int x0 = (images.get(0).getWidth() - side) / 2;
        int y0 = (images.get(0).getHeight() - side) / 2;
        BufferedImage strip = new BufferedImage(images.size() * (side + 4) - 4, side, BufferedImage.TYPE_INT_RGB);
        var gfx = strip.createGraphics();
        gfx.setColor(java.awt.Color.WHITE);
        gfx.fillRect(0, 0, strip.getWidth(), side);
        for (int i = 0; i < images.size(); i++) {
            gfx.drawImage(images.get(i).getSubimage(x0, y0, side, side), i * (side + 4), 0, null);
        }
        gfx.dispose();
        return strip;
    }

    /**
     * Top-left corners of at most {@code max} non-overlapping {@code side} x {@code side} grid patches of an image
     * {@code w} pixels wide, the ones with the most detail: the largest sums of {@code detail} (one value per
     * pixel, row after row) inside them; ties go to the earlier patch. Patches are returned in grid order.
     */
    static List<int[]> patchPlaces(double[] detail, int w, int side, int max) {
        int h = detail.length / w;
        int cols = w / side;
        int rows = h / side;
        Integer[] cells = new Integer[cols * rows];
        double[] sums = new double[cells.length];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = c;
            int x0 = (c % cols) * side;
            int y0 = (c / cols) * side;
            for (int y = y0; y < y0 + side; y++) {
                for (int x = x0; x < x0 + side; x++) {
                    sums[c] += detail[y * w + x];
                }
            }
        }
        java.util.Arrays.sort(cells, (p, q) -> sums[q] != sums[p] ? Double.compare(sums[q], sums[p]) : Integer.compare(p, q));
        int[] chosen = java.util.Arrays.stream(cells).limit(max).mapToInt(Integer::intValue).sorted().toArray();
        List<int[]> places = new ArrayList<>(chosen.length);
        for (int c : chosen) {
            places.add(new int[] {(c % cols) * side, (c / cols) * side});
        }
        return places;
    }

    /**
     * Per pixel, what bicubic upscaling loses: |HR - bicubic| summed over R, G, B. It depends on the photo only,
     * so every model is tested on the same patches: those where super-resolution has something to restore.
     */
    static double[] detail(BufferedImage hr, BufferedImage bicubic) {
        int w = hr.getWidth();
        int h = hr.getHeight();
        int[] a = hr.getRGB(0, 0, w, h, null, 0, w);
        int[] b = bicubic.getRGB(0, 0, w, h, null, 0, w);
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                d[i] += Math.abs(((a[i] >> shift) & 0xff) - ((b[i] >> shift) & 0xff));
            }
        }
        return d;
    }

    private static INDArray patches(BufferedImage image, List<int[]> places) {
        INDArray[] each = new INDArray[places.size()];
        for (int i = 0; i < each.length; i++) {
            int[] p = places.get(i);
            each[i] = ImageTensors.toTensor(image.getSubimage(p[0], p[1], REALISM_PATCH, REALISM_PATCH), 3);
        }
        return each.length == 1 ? each[0] : Nd4j.concat(0, each);
    }

    private static BufferedImage copy(BufferedImage img, int x, int y, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.drawImage(img.getSubimage(x, y, w, h), 0, 0, null);
        g.dispose();
        return out;
    }
}
