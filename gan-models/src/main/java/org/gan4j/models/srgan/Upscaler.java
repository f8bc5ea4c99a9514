package org.gan4j.models.srgan;

import java.awt.image.BufferedImage;
import org.gan4j.core.image.ImageTensors;
import org.gan4j.core.nn.Network;
import org.gan4j.models.nets.SrNets;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Upscales whole images of any size 4x with a trained SRResNet/SRGAN generator, tile by tile so that memory
 * stays bounded: the image is cut into {@code tile x tile} LR tiles whose inner parts do not overlap, each
 * run with {@code overlap} extra LR pixels of context on every side (cut from the result), so seams are
 * invisible once the overlap reaches the generator's receptive radius: 2 x blocks + 7.5 LR pixels with a 9x9
 * last conv (2 x blocks + 6.75 with 3x3), i.e. 15 for the cpu preset (the default overlap 16 gives the
 * untiled result) and 40 for the paper's 16 blocks (16 leaves small differences near tile edges; pass 40 for
 * exactness at about 2x the work with 96-pixel tiles).
 *
 * <pre>{@code
 * Upscaler up = Upscaler.of(srresnet.generator());
 * BufferedImage big = up.upscale(ImageIO.read(file));
 * }</pre>
 */
public final class Upscaler {
    /** The upscaling factor. */
    public static final int SCALE = SrNets.SCALE;

    private final Network generator;
    private final int tile;
    private final int overlap;

    private Upscaler(Network generator, int tile, int overlap) {
        this.generator = generator;
        this.tile = tile;
        this.overlap = overlap;
    }

    /** Upscaler over a generator (LR [0, 1] in, HR [-1, 1] out), tiles of 96 LR pixels with 16 of overlap. */
    public static Upscaler of(Network generator) {
        return new Upscaler(generator, 96, 16);
    }

    /**
     * The same generator with other tiles.
     *
     * @param tile inner tile size in LR pixels (work per tile grows with (tile + 2 overlap)^2)
     * @param overlap context added on each side, in LR pixels
     */
    public Upscaler withTiles(int tile, int overlap) {
        if (tile < 1 || overlap < 0) {
            throw new IllegalArgumentException("tile must be >= 1 and overlap >= 0, got " + tile + " and " + overlap);
        }
        return new Upscaler(generator, tile, overlap);
    }

    /** Upscales an RGB image (alpha dropped) 4x. */
    public BufferedImage upscale(BufferedImage image) {
        INDArray lr = ImageTensors.toTensor(image, 3).addi(1).muli(0.5); // [-1, 1] -> [0, 1], exact 8-bit steps
        return ImageTensors.toImage(upscale(lr));
    }

    /**
     * Upscales one image.
     *
     * @param lr {@code [3, h, w]} or {@code [1, 3, h, w]}, RGB in [0, 1]
     * @return {@code [1, 3, 4h, 4w]}, RGB in [-1, 1] (clamped)
     */
    public INDArray upscale(INDArray lr) {
        INDArray in = lr.rank() == 3 ? lr.reshape(1, lr.size(0), lr.size(1), lr.size(2)) : lr;
        if (in.rank() != 4 || in.size(0) != 1 || in.size(1) != 3) {
            throw new IllegalArgumentException("expected one RGB image [3, h, w] or [1, 3, h, w], got "
                    + java.util.Arrays.toString(lr.shape()));
        }
        in = in.castTo(DataType.FLOAT);
        int h = (int) in.size(2);
        int w = (int) in.size(3);
        INDArray out = Nd4j.create(DataType.FLOAT, 1, 3, (long) h * SCALE, (long) w * SCALE);
        for (int y0 = 0; y0 < h; y0 += tile) {
            for (int x0 = 0; x0 < w; x0 += tile) {
                int y1 = Math.min(h, y0 + tile);
                int x1 = Math.min(w, x0 + tile);
                int cy0 = Math.max(0, y0 - overlap);
                int cx0 = Math.max(0, x0 - overlap);
                int cy1 = Math.min(h, y1 + overlap);
                int cx1 = Math.min(w, x1 + overlap);
                INDArray window = in.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(cy0, cy1),
                        NDArrayIndex.interval(cx0, cx1)).dup('c');
                INDArray sr = generator.output(window);
                INDArray inner = sr.get(NDArrayIndex.all(), NDArrayIndex.all(),
                        NDArrayIndex.interval((y0 - cy0) * SCALE, (y1 - cy0) * SCALE),
                        NDArrayIndex.interval((x0 - cx0) * SCALE, (x1 - cx0) * SCALE));
                out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(y0 * SCALE, y1 * SCALE),
                        NDArrayIndex.interval(x0 * SCALE, x1 * SCALE)).assign(inner);
            }
        }
        return SrVariant.clamp(out);
    }
}
