package peers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * One CycleGAN iteration as the reference {@code cycle_gan_model.py} and gan4j's {@code CycleGan.trainStep}:
 * generators first (D's frozen): L_G = LSGAN(D_B(G_AB(A)), 1) + LSGAN(D_A(G_BA(B)), 1) + lambda_A |G_BA(G_AB(A))
 * - A| + lambda_B |G_AB(G_BA(B)) - B| + identity terms (lambda_identity x lambda: |G_AB(B) - B| x lambda_B,
 * |G_BA(A) - A| x lambda_A), one backward, one Adam update of both generators; then D_B on B and the pooled
 * G_AB(A), D_A on A and the pooled G_BA(B), each 0.5 x (MSE(D(real), 1) + MSE(D(fake), 0)), real first, one
 * Adam update of both. Six generator forward passes, as gan4j.
 */
final class CycleGanStep extends Step {
    static final double LAMBDA_A = 10;
    static final double LAMBDA_B = 10;
    static final double LAMBDA_IDENTITY = 0.5;
    static final int POOL_SIZE = 50;

    private final Nets.Resnet gAB;
    private final Nets.Resnet gBA;
    private final Nets.PatchGan dB;
    private final Nets.PatchGan dA;
    private final Adam optG;
    private final Adam optD;
    private final Tensor a;
    private final Tensor b;
    private final Pool poolA = new Pool(POOL_SIZE, new SplittableRandom(1));
    private final Pool poolB = new Pool(POOL_SIZE, new SplittableRandom(2));

    CycleGanStep(Preset p, int batch) {
        gAB = new Nets.Resnet(p.blocks(), p.ngf(), 3, 3);
        gBA = new Nets.Resnet(p.blocks(), p.ngf(), 3, 3);
        dB = new Nets.PatchGan(p.dLayers(), p.ndf(), 3, true);
        dA = new Nets.PatchGan(p.dLayers(), p.ndf(), 3, true);
        for (Nets.Net n : networks().values()) {
            n.train(true);
        }
        optG = adam(join(gAB.parameters(), gBA.parameters()));
        optD = adam(join(dB.parameters(), dA.parameters()));
        a = image(batch, 3, p.size());
        b = image(batch, 3, p.size());
    }

    @Override
    void run(int iteration) {
        Tensor fakeB = gAB.forward(a);
        Tensor recA = gBA.forward(fakeB);
        Tensor fakeA = gBA.forward(b);
        Tensor recB = gAB.forward(fakeA);
        // generators through the current, frozen discriminators
        dA.requiresGrad(false);
        dB.requiresGrad(false);
        optG.zero_grad();
        Tensor idtA = scale(torch.l1_loss(gAB.forward(b), b), LAMBDA_B * LAMBDA_IDENTITY);
        Tensor idtB = scale(torch.l1_loss(gBA.forward(a), a), LAMBDA_A * LAMBDA_IDENTITY);
        Tensor outB = dB.forward(fakeB);
        Tensor ganAB = torch.mse_loss(outB, torch.ones_like(outB));
        Tensor outA = dA.forward(fakeA);
        Tensor ganBA = torch.mse_loss(outA, torch.ones_like(outA));
        Tensor cycleA = scale(torch.l1_loss(recA, a), LAMBDA_A);
        Tensor cycleB = scale(torch.l1_loss(recB, b), LAMBDA_B);
        ganAB.add(ganBA).add(cycleA).add(cycleB).add(idtA).add(idtB).backward();
        optG.step();
        dA.requiresGrad(true);
        dB.requiresGrad(true);
        // discriminators on pooled fakes (detached: nothing flows into the generators)
        optD.zero_grad();
        Tensor lossDB = discriminatorLoss(dB, b, poolB.query(fakeB.detach()));
        lossDB.backward();
        Tensor lossDA = discriminatorLoss(dA, a, poolA.query(fakeA.detach()));
        lossDA.backward();
        optD.step();
        note("loss_D_A", lossDA);
        note("loss_G_AB", ganAB);
        note("loss_cycle_A", cycleA);
        note("loss_idt_A", idtA);
        note("loss_D_B", lossDB);
        note("loss_G_BA", ganBA);
        note("loss_cycle_B", cycleB);
        note("loss_idt_B", idtB);
    }

    private static Tensor discriminatorLoss(Nets.PatchGan d, Tensor real, Tensor fake) {
        Tensor outReal = d.forward(real);
        Tensor lossReal = torch.mse_loss(outReal, torch.ones_like(outReal));
        Tensor outFake = d.forward(fake);
        Tensor lossFake = torch.mse_loss(outFake, torch.zeros_like(outFake));
        return scale(lossReal.add(lossFake), 0.5);
    }

    @Override
    Map<String, Nets.Net> networks() {
        Map<String, Nets.Net> m = new LinkedHashMap<>();
        m.put("G_AB", gAB);
        m.put("G_BA", gBA);
        m.put("D_A", dA);
        m.put("D_B", dB);
        return m;
    }

    @Override
    String fallingLoss() {
        return "loss_cycle_A";
    }

    @Override
    String shapes() {
        Tensor fake = gAB.forward(a).detach();
        Tensor out = dB.forward(fake);
        return "G_AB " + Arrays.toString(a.sizes().vec().get()) + " -> " + Arrays.toString(fake.sizes().vec().get())
                + ", D_B -> " + Arrays.toString(out.sizes().vec().get());
    }

    /**
     * The reference ImagePool (and gan4j's): while fewer than {@code capacity} images are stored, each new
     * image is stored and returned; afterwards with probability 1/2 a random stored one is returned and
     * replaced by the new one. Stored images outlive the iteration's pointer scope.
     */
    static final class Pool {
        private final int capacity;
        private final SplittableRandom random;
        private final List<Tensor> images = new ArrayList<>();

        Pool(int capacity, SplittableRandom random) {
            this.capacity = capacity;
            this.random = random;
        }

        Tensor query(Tensor fakes) {
            long n = fakes.size(0);
            Tensor[] out = new Tensor[(int) n];
            for (int i = 0; i < n; i++) {
                Tensor image = keep(fakes.narrow(0, i, 1).clone());
                if (images.size() < capacity) {
                    images.add(image);
                    out[i] = image;
                } else if (random.nextDouble() > 0.5) {
                    int k = random.nextInt(capacity);
                    out[i] = images.get(k).clone();
                    images.set(k, image).close();
                } else {
                    out[i] = image.clone();
                    image.close();
                }
            }
            return n == 1 ? out[0] : torch.cat(new org.bytedeco.pytorch.TensorVector(out), 0);
        }

        private static Tensor keep(Tensor t) {
            PointerScope scope = PointerScope.getInnerScope();
            if (scope != null) {
                // detach() drops the scope's reference, which would free the tensor: take one of our own first
                t.retainReference();
                scope.detach(t);
            }
            return t;
        }
    }
}
