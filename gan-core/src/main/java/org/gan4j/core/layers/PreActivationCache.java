package org.gan4j.core.layers;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer's pre-activation from its last training forward pass, kept for the next backward pass on the
 * same input (the same input object) and handed out once: activations' backward passes work in place.
 */
final class PreActivationCache {
    private INDArray z;
    private INDArray input;

    /**
     * Keeps a copy of {@code z} (activations work in place) if {@code keep}, forgetting any earlier one. The
     * copy lives as long as the layer's input (workspace type INPUT).
     */
    void store(boolean keep, INDArray z, INDArray input, LayerWorkspaceMgr workspaceMgr) {
        clear();
        if (keep) {
            this.z = workspaceMgr.dup(ArrayType.INPUT, z);
            this.input = input;
        }
    }

    /** The kept pre-activation if it belongs to {@code currentInput} (then forgotten), else null. */
    INDArray take(INDArray currentInput) {
        // a copy in a workspace that was closed since (graphs with workspaces) is gone: recompute instead
        INDArray out = z != null && input == currentInput && valid(z) ? z : null;
        if (out != null) {
            z = null; // handed out: the caller owns it now
        }
        clear();
        return out;
    }

    /**
     * Frees {@code a}'s native memory now if it is a detached array of its own (not a view, not in a workspace):
     * for copies a layer keeps and nobody else sees. Without it they wait for the garbage collector, and a
     * network run forward without backward passes (sampling, batch-norm calibration) leaves tens of MB per
     * layer behind.
     */
    static void release(INDArray a) {
        if (a != null && !a.isView() && !a.isAttached() && a.closeable() && !a.wasClosed()) {
            a.close();
        }
    }

    /** Whether {@code a} is detached, or its workspace has not been closed and reopened since it was made. */
    static boolean valid(INDArray a) {
        if (!a.isAttached()) {
            return true;
        }
        var ws = a.data().getParentWorkspace();
        return ws != null && ws.isScopeActive() && a.data().getGenerationId() == ws.getGenerationId();
    }

    void clear() {
        release(z);
        z = null;
        input = null;
    }
}
