package org.gan4j.core.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.DataSpec;
import org.gan4j.core.nn.Network;

/**
 * The plug-in interface of a GAN variant: its networks and one training step.
 *
 * <p>A variant never owns the epoch loop, logging, files or checkpoints: the {@link Trainer} and its
 * {@link TrainingListener}s do. To add a variant, implement this interface (and a
 * {@link VariantProvider} so the command line can create it by name).
 */
public interface GanVariant {

    /** Short lower-case name, e.g. {@code "dcgan"}. */
    String name();

    /**
     * The networks by role name, in a stable order. Naming rule: one-way variants name theirs
     * {@code generator} and {@code discriminator}; two-way variants name generators by direction
     * ({@code G_AB} maps domain A to B, {@code G_BA} B to A) and discriminators by the domain they judge
     * ({@code D_A} judges images of domain A, {@code D_B} of domain B). Everything in here is saved in checkpoints, with its optimizer state.
     */
    Map<String, Network> networks();

    /**
     * The generators to export as plain DL4J models at the end of a run (inference use: sampling,
     * translating), by network name; the command line writes {@code generator} as {@code generator.zip}
     * and every other one as {@code NAME.zip} (e.g. {@code G_AB.zip}, {@code G_BA.zip}). The models may be
     * copies prepared for inference (e.g. {@link ImageSampler#samplingModel()}).
     *
     * <p>Default: the network named {@code generator}, if there is one (the naming rule of one-way
     * variants); two-way variants return {@code G_AB} and {@code G_BA}.
     */
    default Map<String, Model> exportedModels() {
        Network g = networks().get("generator");
        return g == null ? Map.of() : Map.of("generator", g.model());
    }

    /**
     * One training iteration on one batch: update the networks and return the named losses of this
     * step (e.g. {@code loss_D}, {@code loss_G}), in a stable order.
     */
    Map<String, Double> trainStep(Batch batch, StepContext context);

    /**
     * Images that show progress, e.g. G(z) for a fixed z drawn from {@code seed}: the same seed
     * must give the same inputs every time so that grids over time are comparable.
     */
    Preview preview(long seed);

    /**
     * Settings that recreate this variant through its {@link VariantProvider} (saved in checkpoints
     * as the run configuration).
     */
    Map<String, String> config();

    /**
     * The training data this variant expects, with its shapes (e.g. {@link DataSpec.MnistImages}, a
     * {@link DataSpec.PairedFolder} with the variant's sizes and channels, or a {@link DataSpec.Custom} opener).
     * The command line opens it from {@code --data} through gan-datasets ({@code org.gan4j.datasets.DataSpecs});
     * {@code gan bench} trains on its {@link DataSpec#syntheticBatch synthetic batch}. Code that hands the
     * {@link Trainer} a {@code BatchSource} itself needs no spec.
     *
     * @throws IllegalStateException by default: the variant declares no data
     */
    default DataSpec data() {
        throw new IllegalStateException("variant '" + name() + "' declares no training data: its class "
                + getClass().getName() + " must override GanVariant.data()");
    }

    /**
     * Fixed examples to show in every sample grid (e.g. a few validation pairs), handed over by whoever opens
     * the data before training or resuming; shapes as the training batches of {@link #data()}. Default: ignored
     * (the variant picks its own preview inputs).
     */
    default void usePreviewExamples(Batch examples) {}

    /** Saves state beyond the networks (e.g. an image pool). Default: none. */
    default void writeState(DataOutputStream out) throws IOException {}

    /** Restores what {@link #writeState} wrote. */
    default void readState(DataInputStream in) throws IOException {}
}
