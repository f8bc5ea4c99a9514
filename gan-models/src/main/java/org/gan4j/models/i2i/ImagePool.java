package org.gan4j.models.i2i;

import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * CycleGAN's history of generated images (Shrivastava et al. 2017; the reference {@code ImagePool}):
 * the discriminator is updated on a mix of the newest fakes and older ones. Per image of a batch:
 * while fewer than {@code capacity} are stored, the image is stored and returned; afterwards, with
 * probability 1/2 a uniformly chosen stored image is returned and replaced by the new one, otherwise
 * the new image is returned. Capacity 0 returns every batch unchanged. The draws come from the
 * caller's random source (the step's, so runs are reproducible); the contents are saved as variant
 * state, so a resumed run continues exactly.
 */
final class ImagePool {
    private final int capacity;
    private final List<INDArray> images = new ArrayList<>();

    ImagePool(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("poolSize must be >= 0, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Images stored so far (at most the capacity). */
    int size() {
        return images.size();
    }

    /** A copy of stored image {@code i}, [1, C, H, W]. */
    INDArray stored(int i) {
        return images.get(i).dup();
    }

    /** The batch the discriminator sees instead of {@code fakes} (a new array; {@code fakes} is not kept). */
    INDArray query(INDArray fakes, SplittableRandom random) {
        if (capacity == 0) {
            return fakes;
        }
        long n = fakes.size(0);
        INDArray[] out = new INDArray[(int) n];
        for (int i = 0; i < n; i++) {
            INDArray image = fakes.get(interval(i, i + 1)).dup();
            if (images.size() < capacity) {
                images.add(image);
                out[i] = image;
            } else if (random.nextDouble() > 0.5) {
                int k = random.nextInt(capacity);
                out[i] = images.get(k);
                images.set(k, image);
            } else {
                out[i] = image;
            }
        }
        return Nd4j.concat(0, out);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(images.size());
        for (INDArray image : images) {
            Nd4j.write(image, out);
        }
    }

    void read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > capacity) {
            throw new IOException("saved image pool holds " + n + " images but the pool size is " + capacity);
        }
        images.clear();
        for (int i = 0; i < n; i++) {
            images.add(Nd4j.read(in));
        }
    }
}
