package org.gan4j.core.run;

import java.nio.file.Path;

/** Another process (or another part of this one) owns the run folder. */
public final class RunLockedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient Path folder;

    RunLockedException(Path folder, String holder) {
        super("run folder " + folder + " is in use by " + holder
                + ": a run folder has one writer at a time; wait for it to finish or stop it"
                + " (a run that was killed releases its folder automatically)");
        this.folder = folder;
    }

    /** The run folder that is in use. */
    public Path folder() {
        return folder;
    }
}
