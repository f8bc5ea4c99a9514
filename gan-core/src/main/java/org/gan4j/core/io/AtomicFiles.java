package org.gan4j.core.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes files so that a crash never leaves a half-written file under the final name: write a
 * temporary file ({@code .NAME<random>.tmp}) in the same folder, force it to disk, rename it
 * atomically over the target, then force the folder so the rename itself is durable. A process
 * killed while writing leaves only the temporary file, which {@link #removeLeftovers} deletes.
 *
 * <p>Fault injection for crash tests (system properties read on every write, never set in normal
 * use): {@value #SLOW_WRITE_PROPERTY} = milliseconds to pause after every 4 KiB written, so that a
 * test can kill the process in the middle of a write; {@value #FAIL_WRITE_PROPERTY} = a byte count
 * after which writes fail as on a full disk.
 */
public final class AtomicFiles {
    /** Test hook: pause this many milliseconds after each 4 KiB written. */
    public static final String SLOW_WRITE_PROPERTY = "gan4j.test.slowWriteMillis";
    /** Test hook: fail with "No space left on device" once this many bytes were written by one write. */
    public static final String FAIL_WRITE_PROPERTY = "gan4j.test.failWriteAfterBytes";

    private static final String TEMP_PREFIX = ".";
    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {}

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code target} atomically, creating parent folders; the file is readable by all (0644). */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, TEMP_PREFIX + target.getFileName(), TEMP_SUFFIX);
        try {
            try (OutputStream out = withTestFaults(Files.newOutputStream(tmp))) {
                content.writeTo(out);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // temporary files are created private (0600); results are ordinary files
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceFolder(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Whether {@code file} is a temporary file of {@link #write} (left behind only by a killed process). */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX) && name.length() > 5;
    }

    /**
     * Deletes the temporary files of {@link #write} in {@code folder} (not in subfolders). Only call it
     * for a folder no other process writes into (e.g. a locked run folder): a live writer's file would
     * vanish under it.
     *
     * @return the files deleted
     */
    public static List<Path> removeLeftovers(Path folder) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return removed;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                if (isTemporary(f) && Files.isRegularFile(f) && Files.deleteIfExists(f)) {
                    removed.add(f);
                }
            }
        }
        return removed;
    }

    /** Makes a rename or deletion in {@code dir} durable (where the platform can open folders). */
    static void forceFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open a folder as a channel; the rename is still atomic there
        }
    }

    private static OutputStream withTestFaults(OutputStream out) {
        long pauseMillis = Long.getLong(SLOW_WRITE_PROPERTY, 0L);
        long failAfter = Long.getLong(FAIL_WRITE_PROPERTY, -1L);
        if (pauseMillis <= 0 && failAfter < 0) {
            return out;
        }
        return new FilterOutputStream(out) {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int done = 0; done < len; ) {
                    int n = (int) Math.min(len - done, 4096 - written % 4096);
                    if (failAfter >= 0 && written + n > failAfter) {
                        throw new IOException("No space left on device");
                    }
                    out.write(b, off + done, n);
                    out.flush();
                    done += n;
                    written += n;
                    if (pauseMillis > 0 && written % 4096 == 0) {
                        LockSupport.parkNanos(pauseMillis * 1_000_000L);
                    }
                }
            }
        };
    }
}
