package org.example.tinygan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.core.data.InMemoryBatchSource;
import org.gan4j.core.nn.Backend;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.Trainer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A variant written outside gan4j (public API only) trains bit-identically twice in one JVM and resumes
 * exactly, although its first networks are the first ones the JVM builds (before gan4j configured the
 * backend). Runs in a fresh JVM ({@link #main}) so that "first" is true.
 */
class ExtensionDeterminismTest {
    private static final int TOTAL = 7;
    private static final int SPLIT = 4;

    @Test
    void runsAreIdenticalAndResumeIsExactInAFreshJvm() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-XX:+UseSerialGC", "-Dorg.bytedeco.javacpp.maxbytes=2G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=4G",
                "-cp", System.getProperty("java.class.path"), ExtensionDeterminismTest.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "forked JVM did not finish");
        assertEquals(0, p.exitValue(), "forked JVM failed:\n" + out);
        assertTrue(out.contains("EXTENSION-DETERMINISTIC"), out);
    }

    public static void main(String[] args) throws Exception {
        GanVariant first = TinyConvGan.create(7); // the first networks of this JVM
        assertTrue(Backend.oneDnnHelpers(), "oneDNN helpers not enabled: is nd4j.classifier a -onednn build?");
        for (Network n : first.networks().values()) {
            for (Layer l : ((MultiLayerNetwork) n.model()).getLayers()) {
                String type = l.getClass().getSimpleName();
                if (type.contains("Convolution") || type.contains("BatchNorm")) {
                    assertNotNull(l.getHelper(), type + " of a network built before configuration has no helper");
                }
            }
        }
        InMemoryBatchSource data = data();
        train(first, data, TOTAL, null);
        GanVariant second = TinyConvGan.create(7);
        train(second, data, TOTAL, null);
        assertSame(first, second, "second run");

        Path cp = Files.createTempDirectory("tinygan").resolve("cp.zip");
        train(TinyConvGan.create(7), data, SPLIT, cp);
        Nd4j.getRandom().setSeed(999); // a resumed process starts from another RNG state
        GanVariant resumed = TinyConvGan.create(7);
        Trainer t = Trainer.builder(resumed, data).seed(11).maxIterations(TOTAL).build();
        t.resumeFrom(cp);
        t.fit();
        assertSame(first, resumed, "resumed run");
        assertNotEquals(TinyConvGan.create(7).networks().get("generator").params(),
                first.networks().get("generator").params(), "training changed nothing");
        System.out.println("EXTENSION-DETERMINISTIC");
        System.exit(0);
    }

    private static InMemoryBatchSource data() {
        Nd4j.getRandom().setSeed(3);
        return new InMemoryBatchSource(Nd4j.rand(DataType.FLOAT, 24, 1, 8, 8).muli(2).subi(1), 8); // 3 per epoch
    }

    private static void train(GanVariant v, InMemoryBatchSource data, int iterations, Path checkpoint) throws Exception {
        Trainer t = Trainer.builder(v, data).seed(11).maxIterations(iterations).build();
        t.fit();
        if (checkpoint != null) {
            t.saveCheckpoint(checkpoint);
        }
    }

    private static void assertSame(GanVariant expected, GanVariant actual, String what) {
        for (Map.Entry<String, Network> e : expected.networks().entrySet()) {
            Network other = actual.networks().get(e.getKey());
            assertEquals(e.getValue().params(), other.params(), what + ": " + e.getKey() + " parameters differ");
            assertEquals(e.getValue().updaterState(), other.updaterState(), what + ": " + e.getKey() + " optimizer state");
            assertEquals(e.getValue().iteration(), other.iteration(), what + ": " + e.getKey() + " iteration");
        }
        List<INDArray> a = List.of(((TinyConvGan) expected).generate(Nd4j.ones(DataType.FLOAT, 2, 16)));
        List<INDArray> b = List.of(((TinyConvGan) actual).generate(Nd4j.ones(DataType.FLOAT, 2, 16)));
        assertEquals(a, b, what + ": samples differ");
    }
}
