package org.gan4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

class IoErrorsTest {
    @Test
    void everyMessageCarriesTheReasonAndTheFile() {
        assertEquals("could not write checkpoint a.zip: No space left on device", IoErrors.message(
                new UncheckedIOException("could not write checkpoint a.zip", new IOException("No space left on device"))));
        assertEquals("/runs/x: permission denied", IoErrors.message(new AccessDeniedException("/runs/x")));
        assertEquals("cannot write grid: /runs/x/s: Read-only file system", IoErrors.message(new IllegalStateException(
                "cannot write grid", new FileSystemException("/runs/x/s", null, "Read-only file system"))));
        assertEquals("plain", IoErrors.message(new IllegalArgumentException("plain")));
    }
}
