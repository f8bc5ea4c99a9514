package org.gan4j.core.layers;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.gan4j.core.internal.MemoryRelease;
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

    /** Whether {@code a} is detached, or its workspace has not been closed and reopened since it was made. */
    static boolean valid(INDArray a) {
        if (!a.isAttached()) {
            return true;
        }
        var ws = a.data().getParentWorkspace();
        return ws != null && ws.isScopeActive() && a.data().getGenerationId() == ws.getGenerationId();
    }

    void clear() {
        MemoryRelease.freeNow(z); // never taken: a forward pass without backward (sampling, calibration)
        z = null;
        input = null;
    }
}
