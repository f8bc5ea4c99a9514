package org.gan4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./gan} script's class path: the repository's copy of the script runs in a folder laid out as a
 * built checkout (so it does not build), with a stand-in {@code java} that prints its arguments.
 */
class GanScriptTest {
    @TempDir
    Path root;

    private Path bin;

    @BeforeEach
    void layout() throws Exception {
        Path script = root.resolve("gan");
        Files.copy(Path.of("..", "gan"), script);
        Files.createDirectories(root.resolve("gan-examples/target/lib"));
        Files.createFile(root.resolve("gan-examples/target/gan-examples.jar"));
        bin = Files.createDirectories(root.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        for (Path p : List.of(script, java)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.createFile(root.resolve("p.jar"));
        Files.createFile(root.resolve("q.jar"));
    }

    /** Runs the script; returns the exit code followed by the lines it printed (java's arguments or errors). */
    private List<String> gan(String classpath, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("gan").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":" + env.get("PATH"));
        env.put("GAN4J_JAVA_OPTS", "-Dprobe=1");
        if (classpath == null) {
            env.remove("GAN4J_CLASSPATH");
        } else {
            env.put("GAN4J_CLASSPATH", classpath);
        }
        Process p = pb.start();
        List<String> out = new ArrayList<>(new String(p.getInputStream().readAllBytes()).lines().toList());
        out.add(0, Integer.toString(p.waitFor()));
        return out;
    }

    @Test
    void changedSourcesOfGan4jRebuildItButThoseOfTheStandAloneExamplesDoNot() throws Exception {
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\necho mvn-called\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = root.resolve("gan-examples/target/gan-examples.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Path example = root.resolve("examples/cgan/src/main/java/org/example/cgan/Cgan.java");
        Files.createDirectories(example.getParent());
        Files.writeString(example, "class Cgan {}\n");
        assertTrue(gan(null, "train", "gan").stream().noneMatch("mvn-called"::equals),
                "examples/ are projects of their own, built against the installed gan4j");
        Path core = root.resolve("gan-core/src/main/java/org/gan4j/core/Changed.java");
        Files.createDirectories(core.getParent());
        Files.writeString(core, "class Changed {}\n");
        assertTrue(gan(null, "train", "gan").contains("mvn-called"), "a changed gan4j source rebuilds gan4j");
    }

    @Test
    void withoutPluginsTheClassPathIsGan4jsOwn() throws Exception {
        String jars = root.resolve("gan-examples/target/gan-examples.jar") + ":" + root.resolve("gan-examples/target/lib") + "/*";
        assertEquals(List.of("0", "-Dprobe=1", "-cp", jars, "org.gan4j.examples.cli.GanCli", "train", "gan"),
                gan(null, "train", "gan"));
    }

    @Test
    void pluginsFromTheEnvironmentAndOptionsFollowGan4jsJars() throws Exception {
        List<String> out = gan("/opt/a.jar:/opt/b/*", "--plugin", "p.jar", "--plugin=q.jar", "train", "toy", "--plugin", "x");
        assertEquals("0", out.get(0), String.valueOf(out));
        assertTrue(out.get(3).endsWith("/lib/*:/opt/a.jar:/opt/b/*:p.jar:q.jar"), out.get(3));
        assertEquals(List.of("org.gan4j.examples.cli.GanCli", "train", "toy", "--plugin", "x"), out.subList(4, out.size()),
                "options after the command belong to the command");
    }

    @Test
    void aMissingPluginIsNamed() throws Exception {
        List<String> out = gan(null, "--plugin", "missing.jar", "train", "toy");
        assertEquals("2", out.get(0));
        assertTrue(out.get(1).contains("missing.jar not found"), String.valueOf(out));
    }
}
