package org.gan4j.eval;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gan4j.core.image.ImageTensors;
import org.gan4j.datasets.image.DatasetException;
import org.gan4j.datasets.image.ImageFiles;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A folder of 28x28 digit images as one [N, 1, 28, 28] tensor in [-1, 1]; see {@link MnistEvaluator#readImages}. */
final class DigitFolder {
    static final int SIDE = 28;
    private static final Logger LOG = LoggerFactory.getLogger(MnistEvaluator.class);

    private DigitFolder() {}

    static INDArray read(Path folder) {
        List<Path> files = ImageFiles.list(folder);
        int plane = SIDE * SIDE;
        float[] out = new float[files.size() * plane];
        int colour = 0;
        Path firstColour = null;
        double sum = 0;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            BufferedImage img = ImageFiles.read(f); // TYPE_BYTE_GRAY or TYPE_3BYTE_BGR
            if (img.getWidth() != SIDE || img.getHeight() != SIDE) {
                throw new DatasetException(f, "image is " + img.getWidth() + "x" + img.getHeight()
                        + ", MNIST digits are 28x28", "give a folder of 28x28 images (resize them first;"
                        + " 'gan sample' writes 28x28 PNGs)");
            }
            if (img.getType() != BufferedImage.TYPE_BYTE_GRAY && !isGray(img)) {
                colour++;
                firstColour = firstColour == null ? f : firstColour;
            }
            float[] chw = ImageTensors.toChw(img, 1);
            System.arraycopy(chw, 0, out, i * plane, plane);
            for (float v : chw) {
                sum += v;
            }
        }
        if (colour > 0) {
            LOG.warn("{} of {} images are in colour (e.g. {}); scored on their luma (BT.601)", colour, files.size(),
                    firstColour);
        }
        double meanPixel = (sum / out.length + 1) * 127.5;
        if (meanPixel > 127.5) {
            LOG.warn(String.format(Locale.ROOT, "%s: mean pixel value %.0f of 255: the digits look dark on a light"
                    + " background; MNIST (and the classifier) has white digits on black (mean about 33)", folder,
                    meanPixel));
        }
        return Nd4j.create(out, new long[] {files.size(), 1, SIDE, SIDE}, 'c');
    }

    /** True if every pixel has equal red, green and blue. */
    private static boolean isGray(BufferedImage img) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                if (r != ((rgb >> 8) & 0xff) || r != (rgb & 0xff)) {
                    return false;
                }
            }
        }
        return true;
    }
}
