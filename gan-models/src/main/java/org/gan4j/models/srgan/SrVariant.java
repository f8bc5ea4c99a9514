package org.gan4j.models.srgan;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.DataSpec;
import org.gan4j.core.image.Bicubic;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.Preview;
import org.gan4j.models.nets.SrNets;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What SRResNet and SRGAN share: the generator, the batch contract (a = LR in [0, 1], b = HR in [-1, 1],
 * HR = 4 x LR), and preview strips (bicubic | SR | HR) of the first examples the variant trained on, kept in
 * checkpoints so that strips continue identically after a resume.
 */
abstract class SrVariant implements GanVariant {
    static final int PREVIEW_EXAMPLES = 4;

    private final String name;
    final Generator generator;
    final int cropSize;
    private final Map<String, String> config;
    private INDArray previewLr;
    private INDArray previewHr;

    SrVariant(String name, Generator generator, int cropSize, Map<String, String> config) {
        this.name = name;
        this.generator = generator;
        this.cropSize = cropSize;
        this.config = Map.copyOf(config);
    }

    @Override
    public final String name() {
        return name;
    }

    /** The generator: LR RGB in [0, 1] to HR RGB in [-1, 1], any input size. */
    public final Generator generator() {
        return generator;
    }

    /** An {@link Upscaler} over this variant's generator (whole images of any size, tiled). */
    public final Upscaler upscaler() {
        return Upscaler.of(generator);
    }

    /** Random crops of photos: LR of side cropSize / 4 in [0, 1], HR of side cropSize in [-1, 1]. */
    @Override
    public final DataSpec data() {
        return new DataSpec.SuperResolutionCrops(cropSize, SrNets.SCALE);
    }

    @Override
    public final Map<String, String> config() {
        return config;
    }

    /** Checks the batch and remembers the preview examples from the first one. */
    final void accept(Batch batch) {
        INDArray lr = batch.a();
        INDArray hr = batch.b();
        if (hr == null) {
            throw new IllegalArgumentException(name + " needs (LR, HR) batches, got a single array");
        }
        long n = lr.size(0);
        long[] lrShape = {n, 3, cropSize / SrNets.SCALE, cropSize / SrNets.SCALE};
        long[] hrShape = {n, 3, cropSize, cropSize};
        if (!Arrays.equals(lr.shape(), lrShape) || !Arrays.equals(hr.shape(), hrShape)) {
            throw new IllegalArgumentException(name + " expects LR " + Arrays.toString(lrShape) + " and HR "
                    + Arrays.toString(hrShape) + " (cropSize " + cropSize + "), got " + Arrays.toString(lr.shape())
                    + " and " + Arrays.toString(hr.shape()));
        }
        if (previewLr == null) {
            int k = (int) Math.min(PREVIEW_EXAMPLES, n);
            previewLr = lr.get(NDArrayIndex.interval(0, k)).dup();
            previewHr = hr.get(NDArrayIndex.interval(0, k)).dup();
        }
    }

    @Override
    public final Preview preview(long seed) {
        if (previewLr == null) {
            // before the first batch: a grey placeholder strip
            return new Preview(Nd4j.zeros(DataType.FLOAT, 3, 3, cropSize, cropSize), 3);
        }
        INDArray sr = generator.output(previewLr);
        int k = (int) previewLr.size(0);
        INDArray out = Nd4j.create(DataType.FLOAT, 3L * k, 3, cropSize, cropSize);
        for (int i = 0; i < k; i++) {
            out.get(NDArrayIndex.point(3L * i)).assign(bicubicUp(previewLr.get(NDArrayIndex.point(i))));
            out.get(NDArrayIndex.point(3L * i + 1)).assign(clamp(sr.get(NDArrayIndex.point(i))));
            out.get(NDArrayIndex.point(3L * i + 2)).assign(previewHr.get(NDArrayIndex.point(i)));
        }
        return new Preview(out, 3);
    }

    /** One LR image [3, h, w] in [0, 1] to [3, 4h, 4w] in [-1, 1], MATLAB-style bicubic on 8-bit values. */
    static INDArray bicubicUp(INDArray lr) {
        int h = (int) lr.size(1);
        int w = (int) lr.size(2);
        double[] px = lr.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        for (int i = 0; i < px.length; i++) {
            px[i] = Math.max(0, Math.min(255, Math.rint(px[i] * 255)));
        }
        double[] up = Bicubic.resize(px, 3, h, w, h * SrNets.SCALE, w * SrNets.SCALE, true);
        for (int i = 0; i < up.length; i++) {
            up[i] = up[i] / 127.5 - 1;
        }
        return Nd4j.create(up, new long[] {3, (long) h * SrNets.SCALE, (long) w * SrNets.SCALE}, 'c')
                .castTo(DataType.FLOAT);
    }

    static INDArray clamp(INDArray x) {
        return org.nd4j.linalg.ops.transforms.Transforms.min(org.nd4j.linalg.ops.transforms.Transforms.max(x, -1.0), 1.0);
    }

    @Override
    public final void writeState(DataOutputStream out) throws IOException {
        out.writeBoolean(previewLr != null);
        if (previewLr != null) {
            Nd4j.write(previewLr, out);
            Nd4j.write(previewHr, out);
        }
    }

    @Override
    public final void readState(DataInputStream in) throws IOException {
        if (in.readBoolean()) {
            previewLr = Nd4j.read(in);
            previewHr = Nd4j.read(in);
        } else {
            previewLr = null;
            previewHr = null;
        }
    }
}
