package org.gan4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoryReleaseTest {
    @Test
    void releasesOncePerIntervalOnTheGivenClock() {
        AtomicLong now = new AtomicLong(1_000);
        MemoryRelease release = new MemoryRelease(Duration.ofNanos(100), now::get);
        assertFalse(release.releaseIfDue(), "nothing due right after construction");
        now.set(1_099);
        assertFalse(release.releaseIfDue());
        now.set(1_100);
        assertTrue(release.releaseIfDue());
        now.set(1_150);
        assertFalse(release.releaseIfDue(), "the interval restarts at each release");
        now.set(1_200);
        assertTrue(release.releaseIfDue());
    }

    @Test
    void zeroIntervalNeverReleasesAndNegativeIsRefused() {
        AtomicLong now = new AtomicLong();
        MemoryRelease never = new MemoryRelease(Duration.ZERO, now::get);
        now.set(Long.MAX_VALUE / 2);
        assertFalse(never.releaseIfDue());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MemoryRelease(Duration.ofSeconds(-1)));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void trimsWithGlibcOnLinux() throws Exception {
        MemoryRelease release = new MemoryRelease(Duration.ofSeconds(1));
        boolean linux = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
        // glibc's dynamic loader is the one a glibc system runs programs with
        boolean glibc = linux && Files.exists(Path.of("/proc/self/maps"))
                && Files.readString(Path.of("/proc/self/maps")).contains("libc.so.6");
        assertEquals(glibc, release.canTrim());
        release.release(); // must not throw, whether or not it can trim
    }

    @Test
    void freeNowClosesOwnArraysOnlyOnce() {
        org.nd4j.linalg.api.ndarray.INDArray a = org.nd4j.linalg.factory.Nd4j.rand(4, 4);
        org.nd4j.linalg.api.ndarray.INDArray view = a.getRow(1);
        MemoryRelease.freeNow(view);
        assertFalse(view.wasClosed(), "a view is freed with its owner");
        assertFalse(a.wasClosed());
        MemoryRelease.freeNow(a);
        assertTrue(a.wasClosed());
        MemoryRelease.freeNow(a); // again: nothing happens
        MemoryRelease.freeNow(null);
    }
}
