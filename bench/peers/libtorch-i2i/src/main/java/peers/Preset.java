package peers;

/**
 * gan4j's presets of pix2pix and CycleGAN (TranslationSettings, CycleGanSettings): {@code cpu} 64x64, ngf/ndf
 * 32, 2-layer PatchGAN, 3 residual blocks; {@code paper} 256x256, ngf/ndf 64, 3-layer (70x70) PatchGAN, 9
 * blocks. {@code size} may override the image side (the U-Net then goes down to 1x1 as gan4j's default
 * unetDepth = log2(imageSize)).
 */
record Preset(String name, int size, int ngf, int ndf, int dLayers, int blocks) {
    static Preset of(String name, Integer size) {
        Preset p = switch (name) {
            case "cpu" -> new Preset("cpu", 64, 32, 32, 2, 3);
            case "paper" -> new Preset("paper", 256, 64, 64, 3, 9);
            default -> throw new IllegalArgumentException("preset must be cpu or paper, got '" + name + "'");
        };
        if (size != null) {
            if (size < 16 || Integer.bitCount(size) != 1) {
                throw new IllegalArgumentException("size must be a power of two >= 16 (U-Net down to 1x1), got " + size);
            }
            p = new Preset(p.name, size, p.ngf, p.ndf, p.dLayers, p.blocks);
        }
        return p;
    }

    /** E.g. {@code cpu64}, {@code paper256}. */
    String label() {
        return name + size;
    }
}
