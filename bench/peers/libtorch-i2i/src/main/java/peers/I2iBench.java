package peers;

import java.util.Locale;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.global.torch;

/**
 * Times one full training iteration of gan4j's pix2pix or CycleGAN, rebuilt with the PyTorch C++ frontend
 * (libtorch 2.7.1 CPU through the bytedeco JavaCPP presets), float32, NCHW, batch 1: the peer that
 * {@code gan bench pix2pix|cyclegan --batch 1 --set preset=cpu|paper} is compared with.
 *
 * <p>System properties: {@code model} (pix2pix | cyclegan), {@code preset} (cpu | paper), {@code size}
 * (image side, default the preset's), {@code batch} (1), {@code warmup} (10), {@code iters} (50: median of
 * these), {@code threads} (intra-op threads, 2), {@code guard} (true: discard contended iterations),
 * {@code maxSeconds} (1200), {@code verify} (false: check the model instead of timing it).
 */
public final class I2iBench {
    private I2iBench() {}

    public static void main(String[] args) {
        String model = System.getProperty("model", "pix2pix");
        Preset preset = Preset.of(System.getProperty("preset", "cpu"), Integer.getInteger("size"));
        int batch = Integer.getInteger("batch", 1);
        int warmup = Integer.getInteger("warmup", 10);
        int iters = Integer.getInteger("iters", 50);
        int threads = Integer.getInteger("threads", 2);
        Guard guard = new Guard(Boolean.parseBoolean(System.getProperty("guard", "true")),
                Double.parseDouble(System.getProperty("maxSeconds", "1200")));
        torch.set_num_interop_threads(1);
        torch.set_num_threads(threads);
        System.out.printf(Locale.ROOT, "engine=libtorch 2.7.1 (org.bytedeco:pytorch 2.7.1-1.5.12) intra_op_threads=%d"
                + " mkldnn=%s model=%s preset=%s batch=%d warmup=%d iters=%d loadavg=%s gc=%s%n",
                torch.get_num_threads(), torch.hasMKLDNN(), model, preset.label(), batch, warmup, iters, Guard.loadavg(),
                Guard.gc());
        torch.manual_seed(42);
        Step step = switch (model) {
            case "pix2pix" -> new Pix2PixStep(preset, batch);
            case "cyclegan" -> new CycleGanStep(preset, batch);
            default -> throw new IllegalArgumentException("model must be pix2pix or cyclegan, got '" + model + "'");
        };
        try (PointerScope scope = new PointerScope()) {
            System.out.println("shapes: " + step.shapes());
        }
        for (Map.Entry<String, Nets.Net> e : step.networks().entrySet()) {
            System.out.printf(Locale.ROOT, "%s params: trainable=%,d total_incl_bn_running_stats=%,d (gan4j counts the"
                    + " latter)%n", e.getKey(), e.getValue().trainable(), e.getValue().withRunningStats());
        }
        if (Boolean.getBoolean("verify")) {
            System.exit(Verify.run(model, preset, step) ? 0 : 1);
        }
        Guard.Timing t = guard.time(warmup, iters, it -> {
            try (PointerScope scope = new PointerScope()) {
                step.run(it);
            }
        });
        System.out.println(t.describe(warmup));
        System.out.println("last losses: " + step.losses);
        System.out.println(guard.cpuCheck());
        System.out.printf(Locale.ROOT, "libtorch %s %s b%d ms_per_iter=%.1f peak_rss_mb=%.0f%s%n", model, preset.label(),
                batch, t.median(), Guard.peakRssMb(),
                t.complete() ? "" : " (WARNING: too few uncontended iterations, not trustworthy)");
    }
}
