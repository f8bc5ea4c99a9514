package org.gan4j.datasets.image;

import java.nio.file.Path;

/**
 * One image file cannot be used: empty, not an image, truncated or corrupt, or of a size the
 * dataset cannot take. With {@link LoadOptions#skipBad()} such files are skipped (with a WARN) instead.
 */
public final class BadImageException extends DatasetException {
    private static final long serialVersionUID = 1L;
    private final String problem;

    public BadImageException(Path file, String problem, String fix) {
        super(file, problem, fix);
        this.problem = problem;
    }

    /** The problem alone, without the path and the fix. */
    public String problem() {
        return problem;
    }
}
