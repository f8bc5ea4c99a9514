package org.gan4j.examples.cli;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.gan4j.core.train.ConditionalSampler;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.ImageSampler;
import org.gan4j.core.train.StepContext;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Images from a restored variant as {@code gan sample} and {@code gan evaluate} draw them: noise from a seeded
 * stream (the same images whatever the batching) and, for a {@link ConditionalSampler}, the class of each image.
 * A variant that is both an {@link ImageSampler} and a {@link ConditionalSampler} is sampled as a conditional
 * one (its classes in turn unless labels are asked for), so that its labels can be checked.
 */
final class Sampling {
    private final String name;
    private final ImageSampler plain;
    private final ConditionalSampler conditional;

    private Sampling(String name, ImageSampler plain, ConditionalSampler conditional) {
        this.name = name;
        this.plain = plain;
        this.conditional = conditional;
    }

    /** @throws IllegalArgumentException if {@code v} generates no images from noise */
    static Sampling of(GanVariant v) {
        ImageSampler plain = v instanceof ImageSampler s ? s : null;
        ConditionalSampler conditional = v instanceof ConditionalSampler c ? c : null;
        if (plain == null && conditional == null) {
            throw new IllegalArgumentException("variant " + v.name() + " does not generate images from noise"
                    + " (it is neither an ImageSampler nor a ConditionalSampler)");
        }
        return new Sampling(v.name(), plain, conditional);
    }

    /** Whether images are generated per class (a conditional variant). */
    boolean conditional() {
        return conditional != null;
    }

    /** Number of classes of a conditional variant. */
    int classes() {
        return requireConditional("labels").numClasses();
    }

    /**
     * The label of each of {@code n} images when none was asked for: the classes in turn (0, 1, ..., 0, 1, ...),
     * an even spread; null (no labels) for an unconditional variant.
     */
    int[] defaultLabels(int n) {
        if (conditional == null) {
            return null;
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % conditional.numClasses();
        }
        return labels;
    }

    /**
     * The next {@code count} images of {@code random}: with {@code labels} null from the unconditional sampler,
     * else images of the classes {@code labels[from .. from + count)}.
     */
    INDArray generate(SplittableRandom random, int count, int[] labels, int from) {
        long[] zShape = labels == null ? plain.noiseShape() : conditional.noiseShape();
        long[] shape = new long[zShape.length + 1];
        shape[0] = count;
        System.arraycopy(zShape, 0, shape, 1, zShape.length);
        INDArray noise = StepContext.gaussian(random, shape);
        return labels == null ? plain.generate(noise) : conditional.generate(noise, Arrays.copyOfRange(labels, from, from + count));
    }

    private ConditionalSampler requireConditional(String what) {
        if (conditional == null) {
            throw new IllegalArgumentException("variant " + name + " is not conditional (not a ConditionalSampler):"
                    + " it has no " + what);
        }
        return conditional;
    }
}
