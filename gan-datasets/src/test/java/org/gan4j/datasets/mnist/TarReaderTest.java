package org.gan4j.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The minimal tar reader against archives written by the system's tar (skipped where there is none). */
class TarReaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"pax", "gnu", "ustar"})
    void readsRegularFilesWithLongNames(String format) throws Exception {
        String longDir = "package/" + "d".repeat(60) + "/" + "e".repeat(50);
        Files.createDirectories(dir.resolve("src").resolve(longDir));
        Files.writeString(dir.resolve("src/package/small.txt"), "hello");
        byte[] big = new byte[1234];
        Arrays.fill(big, (byte) 7);
        Files.write(dir.resolve("src").resolve(longDir).resolve("data.bin"), big);
        Path tar = dir.resolve("a.tar");
        Process p;
        try {
            p = new ProcessBuilder("tar", "--format=" + format, "-cf", tar.toString(), "-C",
                    dir.resolve("src").toString(), "package").redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no tar on this machine");
            return;
        }
        Assumptions.assumeTrue(p.waitFor() == 0, "tar --format=" + format + " unsupported");

        Map<String, Integer> seen = new TreeMap<>();
        try (InputStream in = Files.newInputStream(tar)) {
            TarReader.read(in, (name, size, content) -> {
                if (name.endsWith("small.txt")) {
                    assertEquals("hello", new String(content.readAllBytes(), StandardCharsets.UTF_8));
                }
                seen.put(name, (int) size); // data.bin is not read: the reader must skip it itself
            });
        }
        assertEquals(Map.of("package/small.txt", 5, longDir + "/data.bin", 1234), seen);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 700})
    void cutOffArchivesAreErrors(int length) throws IOException {
        byte[] header = new byte[512];
        byte[] name = "package/x".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, header, 0, name.length);
        byte[] size = "00000001750\0".getBytes(StandardCharsets.US_ASCII); // 1000 bytes
        System.arraycopy(size, 0, header, 124, size.length);
        header[156] = '0';
        byte[] archive = Arrays.copyOf(header, length);
        assertThrows(IOException.class, () -> TarReader.read(new java.io.ByteArrayInputStream(archive),
                (n, s, c) -> c.readAllBytes()));
    }
}
