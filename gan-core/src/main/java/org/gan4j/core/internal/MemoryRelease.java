package org.gan4j.core.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the native memory of arrays that training no longer uses back to the operating system, at most
 * once per interval; the trainer and {@code gan bench} call {@link #releaseIfDue()} between steps.
 *
 * <p>Two parts. A full garbage collection: ND4J frees an array's native memory only when its small Java
 * object is collected, which the heap alone rarely asks for. Then glibc's {@code malloc_trim(0)}: freed
 * arrays go back to glibc's allocator, whose per-thread arenas keep the pages (a DCGAN training held
 * about 800 MB of free pages in 13 arenas of 64 MB), so the process stays at its high-water mark.
 * Trimming first returns what the previous collection freed (ND4J releases collected arrays on its own
 * threads, shortly after the collection). Where {@code malloc_trim} does not exist (not Linux, or a C
 * library other than glibc) only the collection runs.
 */
public final class MemoryRelease {
    private static final Logger log = LoggerFactory.getLogger(MemoryRelease.class);

    private final long intervalNanos;
    private final LongSupplier clock;
    private long last;
    private Trim trim;

    /** Releases at most once per {@code interval}; {@link Duration#ZERO} never releases. */
    public MemoryRelease(Duration interval) {
        this(interval, System::nanoTime);
    }

    /** As {@link #MemoryRelease(Duration)} with a clock in nanoseconds (tests). */
    public MemoryRelease(Duration interval, LongSupplier clock) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("memory release interval must not be negative, got " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.last = clock.getAsLong();
    }

    /** Releases if the interval has passed since the last release (or since construction). */
    public boolean releaseIfDue() {
        if (intervalNanos == 0 || clock.getAsLong() - last < intervalNanos) {
            return false;
        }
        release();
        return true;
    }

    /** Trims glibc's free memory, then collects garbage, now. */
    public void release() {
        trim().run();
        System.gc();
        last = clock.getAsLong();
    }

    /**
     * Frees {@code a}'s native memory now if it is a detached array of its own (not null, not a view, not in a
     * workspace, not closed yet): for arrays only the caller holds, e.g. copies a layer keeps for a backward
     * pass that does not come. Otherwise they wait for the garbage collector.
     */
    public static void freeNow(INDArray a) {
        if (a != null && !a.isView() && !a.isAttached() && a.closeable() && !a.wasClosed()) {
            a.close();
        }
    }

    /** Whether {@code malloc_trim} is available here (glibc on Linux). */
    public boolean canTrim() {
        return trim().available;
    }

    private Trim trim() {
        if (trim == null) {
            trim = Trim.load();
        }
        return trim;
    }

    /** {@code malloc_trim} through JNA (which DL4J already brings), looked up on first use. */
    private static final class Trim {
        private final com.sun.jna.Function function;
        private final boolean available;
        private boolean failed;

        private Trim(com.sun.jna.Function function) {
            this.function = function;
            this.available = function != null;
        }

        static Trim load() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                return new Trim(null);
            }
            try {
                return new Trim(com.sun.jna.NativeLibrary.getInstance("c").getFunction("malloc_trim"));
            } catch (Throwable e) { // no glibc (e.g. musl) or no JNA native support: collection only
                log.debug("malloc_trim is not available ({}); memory release collects garbage only", e.toString());
                return new Trim(null);
            }
        }

        void run() {
            if (!available || failed) {
                return;
            }
            try {
                function.invokeInt(new Object[] {0L});
            } catch (Throwable e) {
                failed = true;
                log.debug("malloc_trim failed ({}); memory release collects garbage only", e.toString());
            }
        }
    }
}
