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
import org.gan4j.core.report.EvaluationResult;
import org.gan4j.models.srgan.ImageQuality;
import org.gan4j.models.srgan.Upscaler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gan evaluate sr}. */
@Command(name = "sr", mixinStandardHelpOptions = true,
        description = {"4x super-resolution quality on a folder of HR photos, the papers' protocol: HR cropped to a",
            "multiple of 4, LR = bicubic x1/4 (MATLAB imresize style), PSNR/SSIM on Y (BT.601) with a 4-pixel",
            "border crop, next to the bicubic x4 baseline on the same images."})
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
            if (stripFolder != null) {
                int p = Math.min(stripSize, Math.min(w, h));
                int x0 = (w - p) / 2;
                int y0 = (h - p) / 2;
                BufferedImage strip = new BufferedImage(3 * p + 8, p, BufferedImage.TYPE_INT_RGB);
                var gfx = strip.createGraphics();
                gfx.setColor(java.awt.Color.WHITE);
                gfx.fillRect(0, 0, strip.getWidth(), p);
                gfx.drawImage(bic.getSubimage(x0, y0, p, p), 0, 0, null);
                gfx.drawImage(sr.getSubimage(x0, y0, p, p), p + 4, 0, null);
                gfx.drawImage(hr.getSubimage(x0, y0, p, p), 2 * p + 8, 0, null);
                gfx.dispose();
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
        StoredEvaluations.save(checkpoint, new EvaluationResult("sr", "4x super-resolution on held-out photos", n
                + " images from " + data + (centerCrop > 0 ? ", central " + centerCrop + " px" : "") + "; PSNR/SSIM on Y,"
                + " 4-pixel border cropped; strips: bicubic | SR | HR", List.of("PSNR (dB)", "SSIM"),
                List.of(new EvaluationResult.Row("SR (model)", List.of(sum[1] / n, sum[3] / n)),
                        new EvaluationResult.Row("bicubic x4 (baseline)", List.of(sum[0] / n, sum[2] / n))), stripFiles));
        return 0;
    }

    private static BufferedImage copy(BufferedImage img, int x, int y, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.drawImage(img.getSubimage(x, y, w, h), 0, 0, null);
        g.dispose();
        return out;
    }
}
