package org.gan4j.models.i2i;

import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fixed A and B images an image-to-image variant shows in its sample grids: given by the caller
 * (e.g. validation images) or, failing that, the first examples of the first training batch, which
 * then travel with the checkpoint (variant state) so that a resumed run shows the same ones.
 */
final class PreviewImages {
    private final int count;
    private INDArray a;
    private INDArray b;
    private boolean given;

    /** @param count examples taken from the first training batch when none were given */
    PreviewImages(int count) {
        this.count = count;
    }

    void set(INDArray imagesA, INDArray imagesB) {
        a = imagesA.castTo(DataType.FLOAT).dup();
        b = imagesB.castTo(DataType.FLOAT).dup();
        given = true;
    }

    /** Keeps the first examples of a training batch unless images are already set. */
    void takeIfEmpty(INDArray batchA, INDArray batchB) {
        if (a == null) {
            a = first(batchA);
            b = first(batchB);
        }
    }

    /**
     * Appends examples of a training batch until {@code count} are kept (images already set are left alone):
     * a fixed set gathered from the first batches, whatever the batch size.
     */
    void fill(INDArray batchA, INDArray batchB) {
        if (isFull()) {
            return;
        }
        if (a == null) {
            takeIfEmpty(batchA, batchB);
            return;
        }
        int k = (int) Math.min(count - a.size(0), Math.min(batchA.size(0), batchB.size(0)));
        a = Nd4j.concat(0, a, batchA.get(interval(0, k)).castTo(DataType.FLOAT));
        b = Nd4j.concat(0, b, batchB.get(interval(0, k)).castTo(DataType.FLOAT));
    }

    /** Whether {@code count} examples are kept (or images were given). */
    boolean isFull() {
        return given || a != null && a.size(0) >= count;
    }

    private INDArray first(INDArray batch) {
        int k = (int) Math.min(count, batch.size(0));
        return batch.get(interval(0, k)).castTo(DataType.FLOAT).dup();
    }

    boolean isEmpty() {
        return a == null;
    }

    INDArray a() {
        return a;
    }

    INDArray b() {
        return b;
    }

    /** Rows of {@code columns[0][i] | columns[1][i] | ...} for every example i, as one NCHW batch. */
    static INDArray rows(INDArray... columns) {
        long n = columns[0].size(0);
        INDArray[] cells = new INDArray[(int) (columns.length * n)];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < columns.length; c++) {
                cells[columns.length * i + c] = columns[c].get(interval(i, i + 1)).castTo(DataType.FLOAT);
            }
        }
        return Nd4j.concat(0, cells);
    }

    /** Grey images as RGB when {@code mixed} (domains with 1 and 3 channels share one grid), else unchanged. */
    static INDArray rgb(INDArray images, boolean mixed) {
        return mixed && images.size(1) == 1 ? Nd4j.concat(1, images, images, images) : images;
    }

    /** Writes images taken from training data (not given ones, which the caller sets again). */
    void write(DataOutputStream out) throws IOException {
        boolean keep = a != null && !given;
        out.writeBoolean(keep);
        if (keep) {
            Nd4j.write(a, out);
            Nd4j.write(b, out);
        }
    }

    void read(DataInputStream in) throws IOException {
        if (in.readBoolean()) {
            INDArray ra = Nd4j.read(in);
            INDArray rb = Nd4j.read(in);
            if (!given) {
                a = ra;
                b = rb;
            }
        }
    }
}
