package org.gan4j.models.i2i;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.gan4j.core.data.InMemoryBatchSource;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.Trainer;
import org.gan4j.core.train.VariantProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checkpoints written before the naming rule (G_AB/G_BA by direction, D_A/D_B by the domain judged) still
 * load: CycleGAN's old D_A judged domain B, so a name-for-name reading would swap the discriminators.
 */
class LegacyNetworkNamesTest {
    @TempDir
    Path dir;

    @Test
    void oldCycleGanCheckpointRestoresEachNetworkIntoItsRole() throws Exception {
        Nd4j.getRandom().setSeed(4);
        INDArray a = Nd4j.rand(DataType.FLOAT, 4, 3, 16, 16).muli(2).subi(1);
        INDArray b = Nd4j.rand(DataType.FLOAT, 4, 3, 16, 16).muli(2).subi(1);
        InMemoryBatchSource data = new InMemoryBatchSource(a, b, 2);
        CycleGan trained = CycleGanTest.tiny(5);
        Trainer t = Trainer.builder(trained, data).seed(1).maxIterations(2).build();
        t.fit();
        Path current = dir.resolve("new.zip");
        t.saveCheckpoint(current);
        Path legacy = dir.resolve("old.zip");
        rewriteAsLegacy(current, legacy, new CycleGanProvider().legacyNetworkNames());

        for (Path cp : new Path[] {current, legacy}) {
            GanVariant fresh = CycleGanTest.tiny(5);
            assertNotEquals(trained.discriminatorA().params(), fresh.networks().get("D_A").params());
            Trainer.builder(fresh, data).seed(1).maxIterations(4).build().resumeFrom(cp);
            for (Map.Entry<String, Network> e : trained.networks().entrySet()) {
                assertEquals(e.getValue().params(), fresh.networks().get(e.getKey()).params(), cp + ": " + e.getKey());
            }
        }
    }

    /** Renames the stored networks (current name -> old name) and drops the naming marker, as gan4j did before. */
    private static void rewriteAsLegacy(Path from, Path to, Map<String, String> oldNames) throws Exception {
        try (ZipFile in = new ZipFile(from.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] bytes;
                try (InputStream s = in.getInputStream(e)) {
                    bytes = s.readAllBytes();
                }
                String name = e.getName();
                if (name.equals("checkpoint.properties")) {
                    Properties p = new Properties();
                    p.load(new ByteArrayInputStream(bytes));
                    assertEquals("directional", p.remove("networkNaming"));
                    Properties old = new Properties();
                    for (String k : p.stringPropertyNames()) {
                        String key = k;
                        for (var r : oldNames.entrySet()) {
                            if (k.startsWith("network." + r.getKey() + ".")) {
                                key = "network." + r.getValue() + k.substring(("network." + r.getKey()).length());
                            }
                        }
                        old.setProperty(key, p.getProperty(k));
                    }
                    ByteArrayOutputStream buf = new ByteArrayOutputStream();
                    old.store(buf, null);
                    bytes = buf.toString(StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
                } else if (name.startsWith("networks/")) {
                    String net = name.substring("networks/".length(), name.length() - ".zip".length());
                    name = "networks/" + oldNames.getOrDefault(net, net) + ".zip";
                }
                out.putNextEntry(new ZipEntry(name));
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertEquals("cyclegan", VariantProvider.find("cyclegan").name());
    }
}
