package org.gan4j.eval;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Synthetic two-domain tasks for the translation evaluator's tests: domain A = a filled disc on black, domain B = a
 * filled square at the same place on white, 32x32; the class label is the shape's colour (red or green).
 */
final class TranslationTestData {
    static final int SIZE = 32;
    static final Color RED = new Color(230, 40, 40);
    static final Color GREEN = new Color(40, 220, 60);

    private TranslationTestData() {}

    /** One shape: its place, size and colour. */
    record Shape(int x, int y, int side, boolean red) {
        String label() {
            return red ? "red" : "green";
        }
    }

    static Shape shape(Random rng) {
        int side = 10 + rng.nextInt(10);
        return new Shape(rng.nextInt(SIZE - side), rng.nextInt(SIZE - side), side, rng.nextBoolean());
    }

    static BufferedImage draw(Shape s, boolean disc) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        if (!disc) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, SIZE, SIZE);
        }
        g.setColor(s.red() ? RED : GREEN);
        if (disc) {
            g.fillOval(s.x(), s.y(), s.side(), s.side());
        } else {
            g.fillRect(s.x(), s.y(), s.side(), s.side());
        }
        g.dispose();
        return img;
    }

    /** trainA/B and testA/B (independent shapes in each folder), labels.csv in each if {@code labels}. */
    static Path unpaired(Path root, int train, int test, boolean labels, long seed) throws IOException {
        Random rng = new Random(seed);
        for (String split : List.of("train", "test")) {
            for (String side : List.of("A", "B")) {
                Path dir = Files.createDirectories(root.resolve(split + side));
                List<String> lines = new ArrayList<>(List.of("file,label"));
                for (int i = 0; i < (split.equals("train") ? train : test); i++) {
                    Shape s = shape(rng);
                    String name = String.format("%s%04d.png", side.toLowerCase(), i);
                    ImageIO.write(draw(s, side.equals("A")), "png", dir.resolve(name).toFile());
                    lines.add(name + "," + s.label());
                }
                if (labels) {
                    Files.write(dir.resolve(TranslationData.LABELS_FILE), lines);
                }
            }
        }
        return root;
    }

    /** train/ and val/ of 64x32 pairs disc | square (the same shape), labels.csv in each if {@code labels}. */
    static Path paired(Path root, int train, int val, boolean labels, long seed) throws IOException {
        Random rng = new Random(seed);
        for (String split : List.of("train", "val")) {
            Path dir = Files.createDirectories(root.resolve(split));
            List<String> lines = new ArrayList<>(List.of("file,label"));
            for (int i = 0; i < (split.equals("train") ? train : val); i++) {
                Shape s = shape(rng);
                BufferedImage pair = new BufferedImage(2 * SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = pair.createGraphics();
                g.drawImage(draw(s, true), 0, 0, null);
                g.drawImage(draw(s, false), SIZE, 0, null);
                g.dispose();
                String name = String.format("p%04d.png", i);
                ImageIO.write(pair, "png", dir.resolve(name).toFile());
                lines.add(name + "," + s.label());
            }
            if (labels) {
                Files.write(dir.resolve(TranslationData.LABELS_FILE), lines);
            }
        }
        return root;
    }
}
