package org.gan4j.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
    @TempDir
    Path tmp;

    @Test
    void classNamesAreForgivingAboutCaseAndSeparators() {
        assertEquals(9, FashionMnist.label("Ankle boot"));
        assertEquals(9, FashionMnist.label("ankle-boot"));
        assertEquals(0, FashionMnist.label("T-shirt/top"));
        assertEquals("sneaker", FashionMnist.className(FashionMnist.label("SNEAKER")));
        var e = assertThrows(IllegalArgumentException.class, () -> FashionMnist.label("boots"));
        assertTrue(e.getMessage().contains("'boots'") && e.getMessage().contains("ankle_boot"), e.getMessage());
    }

    /** The digits have the same file names: given by mistake, they are refused, not read as clothes. */
    @Test
    void theMnistDigitsAreRefusedWithTheFix() throws IOException {
        MnistSplit test = MnistSplit.TEST;
        Files.write(tmp.resolve(test.imagesFile()), MnistTestData.rawBytes(test, test.imagesFile()));
        Files.write(tmp.resolve(test.labelsFile()), MnistTestData.rawBytes(test, test.labelsFile()));
        var e = assertThrows(IOException.class, () -> FashionMnist.read(tmp, test));
        assertTrue(e.getMessage().startsWith(tmp.resolve(test.imagesFile()) + ": this is the MNIST digits file, not Fashion-MNIST")
                && e.getMessage().contains("dataset-fashion-mnist"), e.getMessage());
    }
}
