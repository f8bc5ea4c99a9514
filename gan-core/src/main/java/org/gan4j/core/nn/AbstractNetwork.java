package org.gan4j.core.nn;

import java.util.Objects;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Shared mechanics of the adapters: gradient accumulation and the optimizer step.
 *
 * <p>DL4J's updater divides gradients by the batch size, so backward passes run on the gradient
 * of the summed loss (mean-loss gradient times batch size). Every pending pass is scaled by the batch
 * size of the first one, which the updater then divides by: passes over batches of different sizes
 * (a generator used on several paths) add up to the sum of their mean-loss gradients.
 */
abstract class AbstractNetwork {
    protected static final LayerWorkspaceMgr NO_WORKSPACES = LayerWorkspaceMgr.noWorkspaces();
    private static final String NO_INPUT_GRADIENT = "this network does not expose input gradients (a ComputationGraph"
            + " needs an org.gan4j.core.layers.InputGradientTap as the only consumer of its input)";

    private final long[] inputShape;
    private int batchSize = -1;
    private int pendingBackwards;
    private int pendingBatch;
    private INDArray accumulated;
    private Gradient lastGradient;
    /** The network whose pending gradients this one's backward passes add to: itself, or the one it twins. */
    private AbstractNetwork owner = this;

    AbstractNetwork(long[] inputShape) {
        Backend.configure(); // before the subclass initialises its network: DL4J picks helpers at layer creation
        this.inputShape = inputShape;
    }

    public long[] inputShape() {
        if (inputShape == null) {
            throw new UnsupportedOperationException("this network was not given an input shape");
        }
        return inputShape.clone();
    }

    long[] inputShapeOrNull() {
        return inputShape == null ? null : inputShape.clone();
    }

    public final INDArray forward(INDArray input) {
        Objects.requireNonNull(input, "input");
        batchSize = (int) input.size(0);
        return forwardTraining(input);
    }

    public final void backward(INDArray outputGradient) {
        backwardPass(outputGradient);
    }

    /** {@link #backward} that also returns the gradient w.r.t. the input (mean-loss convention). */
    public final INDArray backwardToInput(INDArray outputGradient) {
        if (!exposesInputGradient()) {
            throw new UnsupportedOperationException(NO_INPUT_GRADIENT);
        }
        return backwardPass(outputGradient).inputGradient.div(owner.pendingBatch);
    }

    private Backprop backwardPass(INDArray outputGradient) {
        requireForward();
        return owner.pendingPass(this, outputGradient);
    }

    /** Runs the backward pass of {@code source} (this network or a twin of it) as one of this network's pending passes. */
    private Backprop pendingPass(AbstractNetwork source, INDArray outputGradient) {
        if (pendingBackwards == 0) {
            pendingBatch = source.batchSize;
        } else if (source == this && lastGradient != null) {
            // the next pass overwrites DL4J's gradient view: keep what is there
            keep(gradientView());
        }
        Backprop bp = source.backpropagate(outputGradient.mul(pendingBatch));
        if (source == this) {
            lastGradient = bp.gradient;
        } else {
            keep(source.gradientView());
        }
        pendingBackwards++;
        return bp;
    }

    private void keep(INDArray gradient) {
        if (accumulated == null) {
            accumulated = gradient.dup();
        } else {
            accumulated.addi(gradient);
        }
    }

    public final void applyGradients() {
        if (owner != this) {
            throw new UnsupportedOperationException("a twin's gradients are applied by the network it twins");
        }
        if (pendingBackwards == 0) {
            throw new IllegalStateException("applyGradients() without a pending backward()");
        }
        if (lastGradient == null) {
            throw new IllegalStateException("only a twin's backward passes are pending: the network itself needs one"
                    + " backward pass before applyGradients()");
        }
        INDArray view = gradientView();
        if (accumulated != null) {
            view.addi(accumulated);
        }
        int iteration = iteration();
        runUpdater(lastGradient, iteration, epoch(), pendingBatch);
        INDArray params = params();
        params.subi(view.reshape(params.shape()));
        setIteration(iteration + 1);
        pendingBackwards = 0;
        accumulated = null;
        lastGradient = null;
    }

    /**
     * A second network over the same parameter array (not a copy) with its own forward state and gradient
     * view; its backward passes are pending passes of this network.
     */
    public final Generator twin() {
        if (owner != this) {
            throw new UnsupportedOperationException("twin of a twin: make another twin of the original network");
        }
        AbstractNetwork t = newSharingParameters();
        t.owner = this;
        return (Generator) t;
    }

    /** A network of the same configuration, initialised on this one's parameter array (shared). */
    abstract AbstractNetwork newSharingParameters();

    /** Input gradient without touching parameters or pending state (for discriminators). */
    public final INDArray inputGradient(INDArray outputGradient) {
        requireForward();
        if (pendingBackwards > 0) {
            throw new IllegalStateException("inputGradient() would overwrite " + pendingBackwards
                    + " pending backward pass(es): call applyGradients() first");
        }
        INDArray in = backpropagate(outputGradient).inputGradient;
        if (in == null) {
            throw new UnsupportedOperationException(NO_INPUT_GRADIENT);
        }
        return in;
    }

    public INDArray updaterState() {
        INDArray state = updaterStateOrNull();
        return state == null ? Nd4j.empty() : state;
    }

    public final void copyStateFrom(Model saved) {
        if (owner != this) {
            throw new UnsupportedOperationException("copy the state into the network this one twins");
        }
        Model self = model();
        if (saved.getClass() != self.getClass() || saved.numParams() != self.numParams()) {
            throw new IllegalArgumentException("saved network (" + saved.getClass().getSimpleName() + ", "
                    + saved.numParams() + " parameters) does not match this one (" + self.getClass().getSimpleName()
                    + ", " + self.numParams() + " parameters)");
        }
        params().assign(saved.params());
        INDArray mine = updaterStateOrNull();
        INDArray theirs = savedUpdaterState(saved);
        if (mine != null && theirs != null) {
            if (mine.length() != theirs.length()) {
                throw new IllegalArgumentException("optimizer state sizes differ: " + theirs.length() + " saved, "
                        + mine.length() + " here (different updater?)");
            }
            mine.assign(theirs);
        } else if (mine != null && mine.length() > 0) {
            throw new IllegalArgumentException("the saved network has no optimizer state to continue from");
        }
        setIteration(savedIteration(saved));
        setEpoch(savedEpoch(saved));
        pendingBackwards = 0;
        accumulated = null;
        lastGradient = null;
    }

    private void requireForward() {
        if (batchSize < 0) {
            throw new IllegalStateException("backward before forward()");
        }
    }

    /** Result of one backward pass: the network's gradient object and the input gradient (may be null). */
    record Backprop(Gradient gradient, INDArray inputGradient) {}

    abstract Model model();

    /** Whether {@link #backpropagate} returns the input gradient. */
    abstract boolean exposesInputGradient();

    abstract INDArray savedUpdaterState(Model saved);

    abstract int savedIteration(Model saved);

    abstract int savedEpoch(Model saved);

    public abstract void setEpoch(int epoch);

    abstract INDArray forwardTraining(INDArray input);

    abstract Backprop backpropagate(INDArray outputGradient);

    abstract INDArray gradientView();

    abstract void runUpdater(Gradient gradient, int iteration, int epoch, int batchSize);

    abstract INDArray updaterStateOrNull();

    public abstract INDArray params();

    public abstract int iteration();

    abstract void setIteration(int iteration);

    public abstract int epoch();
}
