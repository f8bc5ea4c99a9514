package org.gan4j.datasets.image;

import java.nio.file.Path;

/**
 * A dataset cannot be used as configured: a missing folder, an empty split, a bad image. The message
 * names the file or folder and says how to fix it.
 */
public class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path path;

    /**
     * @param path the file or folder at fault (may be null)
     * @param problem what is wrong
     * @param fix what the user can do about it (may be null)
     */
    public DatasetException(Path path, String problem, String fix) {
        super(compose(path, problem, fix));
        this.path = path;
    }

    /** The file or folder at fault, or null. */
    public Path path() {
        return path;
    }

    static String compose(Path path, String problem, String fix) {
        StringBuilder sb = new StringBuilder();
        if (path != null) {
            sb.append(path).append(": ");
        }
        sb.append(problem);
        if (fix != null && !fix.isEmpty()) {
            sb.append(" (fix: ").append(fix).append(')');
        }
        return sb.toString();
    }
}
