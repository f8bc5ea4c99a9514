package peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * {@code -Dverify=true}: checks that the peer computes what gan4j computes, cheaply. (1) Parameter counts
 * against gan4j's (printed by {@code gan bench}: DL4J counts batch-norm running statistics too). (2) Every
 * network's float32 gradients (input and parameters) against the same network in float64: libtorch 2.7.1's
 * oneDNN path has been seen to return wrong float32 input gradients for convolutions with fewer than 16 output
 * channels on AVX-512 machines, and the PatchGAN ends in one. (3) Ten iterations on the fixed random batch:
 * every loss finite and the reconstruction term lower at the end.
 */
final class Verify {
    private Verify() {}

    /** gan4j's parameter counts (Network.numParams) per model, preset label and network. */
    static final Map<String, Long> GAN4J = Map.of(
            "pix2pix cpu64 generator", 7_317_635L,
            "pix2pix cpu64 discriminator", 169_761L,
            "pix2pix paper256 generator", 54_423_811L,
            "pix2pix paper256 discriminator", 2_770_497L,
            "cyclegan cpu64 G", 1_079_555L,
            "cyclegan cpu64 D", 167_649L,
            "cyclegan paper256 G", 11_378_179L,
            "cyclegan paper256 D", 2_764_737L);

    static boolean run(String model, Preset preset, Step step) {
        boolean ok = true;
        for (Map.Entry<String, Nets.Net> e : step.networks().entrySet()) {
            String key = model + " " + preset.label() + " " + (model.equals("cyclegan") ? e.getKey().substring(0, 1) : e.getKey());
            Long expected = GAN4J.get(key);
            long mine = e.getValue().withRunningStats();
            boolean match = expected != null && expected == mine;
            ok &= expected == null || match;
            System.out.printf(Locale.ROOT, "verify params %s: peer %,d gan4j %s %s%n", e.getKey(), mine,
                    expected == null ? "n/a" : String.format(Locale.ROOT, "%,d", expected),
                    expected == null ? "(no gan4j figure for this size)" : match ? "OK" : "MISMATCH");
        }
        ok &= gradients(model, preset);
        ok &= training(step);
        System.out.println(ok ? "verify: OK" : "verify: FAILED");
        return ok;
    }

    /** float32 vs float64 gradients of each network of the model, built twice from the same seed. */
    static boolean gradients(String model, Preset p) {
        boolean ok = true;
        int depth = Integer.numberOfTrailingZeros(p.size());
        List<Object[]> nets = new ArrayList<>();
        if (model.equals("pix2pix")) {
            nets.add(new Object[] {"generator", (Supplier<Nets.Net>) () -> unetWithoutDropout(depth, p), 3L});
            nets.add(new Object[] {"discriminator", (Supplier<Nets.Net>) () -> new Nets.PatchGan(p.dLayers(), p.ndf(), 6, false), 6L});
        } else {
            nets.add(new Object[] {"generator", (Supplier<Nets.Net>) () -> new Nets.Resnet(p.blocks(), p.ngf(), 3, 3), 3L});
            nets.add(new Object[] {"discriminator", (Supplier<Nets.Net>) () -> new Nets.PatchGan(p.dLayers(), p.ndf(), 3, true), 3L});
        }
        for (Object[] n : nets) {
            @SuppressWarnings("unchecked")
            Supplier<Nets.Net> make = (Supplier<Nets.Net>) n[1];
            try (PointerScope scope = new PointerScope()) {
                torch.manual_seed(7);
                Nets.Net single = make.get();
                torch.manual_seed(7);
                Nets.Net dbl = make.get();
                dbl.to(ScalarType.Double, false);
                Tensor x = Step.image(1, (Long) n[2], p.size());
                List<Tensor> g32 = grads(single, x);
                List<Tensor> g64 = grads(dbl, x.to(ScalarType.Double));
                // a bias followed by a normalisation has a zero gradient in exact arithmetic: float32 leaves
                // rounding noise there, so each tensor is compared on at least 1e-4 of the largest gradient
                double largest = 0;
                for (Tensor g : g64) {
                    largest = Math.max(largest, g.abs().max().item().toDouble());
                }
                double worst = 0;
                for (int i = 0; i < g32.size(); i++) {
                    double r = relative(g32.get(i), g64.get(i), 1e-4 * largest);
                    worst = Math.max(worst, r);
                }
                boolean good = worst < 1e-2;
                ok &= good;
                System.out.printf(Locale.ROOT, "verify gradients %s: float32 vs float64 max relative error %.1e over"
                        + " the input and %d parameter tensors %s%n", n[0], worst, g32.size() - 1, good ? "OK" : "MISMATCH");
            }
        }
        return ok;
    }

    private static Nets.Net unetWithoutDropout(int depth, Preset p) {
        Nets.Unet u = new Nets.Unet(depth, p.ngf(), 3, 3);
        u.dropout = false; // the float32 and float64 passes must see the same function
        return u;
    }

    /** Gradients of sum(net(x) * fixed weights) w.r.t. x and every parameter, in float64. */
    private static List<Tensor> grads(Nets.Net net, Tensor x0) {
        net.train(true);
        Tensor x = x0.detach().clone();
        x.requires_grad_(true);
        Tensor y = net.forward(x);
        Tensor w = torch.arange(new org.bytedeco.pytorch.Scalar(y.numel())).reshape(y.sizes())
                .to(ScalarType.Double).mul(new org.bytedeco.pytorch.Scalar(0.37)).sin().to(y.scalar_type());
        y.mul(w).sum().backward();
        List<Tensor> out = new ArrayList<>();
        out.add(x.grad().to(ScalarType.Double));
        TensorVector params = net.parameters();
        for (long i = 0; i < params.size(); i++) {
            out.add(params.get(i).grad().to(ScalarType.Double));
        }
        return out;
    }

    private static double relative(Tensor a, Tensor b, double floor) {
        double scale = Math.max(b.abs().max().item().toDouble(), floor);
        double diff = a.sub(b).abs().max().item().toDouble();
        return Double.isFinite(diff) ? diff / (scale + 1e-30) : Double.POSITIVE_INFINITY;
    }

    /** Ten iterations on the fixed batch: losses finite, the reconstruction term falling. */
    static boolean training(Step step) {
        int n = 10;
        double first = Double.NaN;
        double last = Double.NaN;
        boolean finite = true;
        for (int it = 0; it < n; it++) {
            try (PointerScope scope = new PointerScope()) {
                step.run(it);
            }
            for (float v : step.losses.values()) {
                finite &= Float.isFinite(v);
            }
            double v = step.losses.get(step.fallingLoss());
            if (it == 0) {
                first = v;
            }
            last = v;
            System.out.printf(Locale.ROOT, "verify iteration %d: %s%n", it, step.losses);
        }
        boolean falling = last < first;
        System.out.printf(Locale.ROOT, "verify training: losses %s, %s %.4f -> %.4f %s%n", finite ? "finite" : "NOT FINITE",
                step.fallingLoss(), first, last, falling ? "falling OK" : "NOT FALLING");
        return finite && falling;
    }
}
