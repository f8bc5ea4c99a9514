package peers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * One pix2pix iteration as gan4j's {@code Pix2Pix.trainStep} (and the reference {@code pix2pix_model.py}):
 * fake = G(A) once; D step: 0.5 x (BCE(D(A|G(A) detached), 0) + BCE(D(A|B), 1)), fake pair first, each
 * pair in its own forward pass (own batch statistics), one backward, Adam on D; G step through the updated D
 * with D's parameters frozen: BCE(D(A|G(A)), 1) + lambdaL1 x L1(G(A), B), backward into G, Adam on G.
 */
final class Pix2PixStep extends Step {
    static final double LAMBDA_L1 = 100;

    private final Nets.Unet g;
    private final Nets.PatchGan d;
    private final Adam optG;
    private final Adam optD;
    private final Tensor a;
    private final Tensor b;

    Pix2PixStep(Preset p, int batch) {
        int depth = Integer.numberOfTrailingZeros(p.size()); // gan4j's default unetDepth: down to 1x1
        g = new Nets.Unet(depth, p.ngf(), 3, 3);
        d = new Nets.PatchGan(p.dLayers(), p.ndf(), 6, false);
        g.train(true);
        d.train(true);
        optG = adam(g.parameters());
        optD = adam(d.parameters());
        a = image(batch, 3, p.size());
        b = image(batch, 3, p.size());
    }

    Nets.Unet generator() {
        return g;
    }

    @Override
    void run(int iteration) {
        Tensor fake = g.forward(a);
        // D step: fake pair first, as gan4j (AdversarialSteps.Order.FAKE_FIRST) and the reference
        optD.zero_grad();
        Tensor outFake = d.forward(torch.cat(new TensorVector(a, fake.detach()), 1));
        Tensor lossFake = torch.binary_cross_entropy_with_logits(outFake, torch.zeros_like(outFake));
        Tensor outReal = d.forward(torch.cat(new TensorVector(a, b), 1));
        Tensor lossReal = torch.binary_cross_entropy_with_logits(outReal, torch.ones_like(outReal));
        Tensor lossD = scale(lossFake.add(lossReal), 0.5);
        lossD.backward();
        optD.step();
        // G step through the updated D; D frozen (only its input gradient is needed)
        d.requiresGrad(false);
        optG.zero_grad();
        Tensor outG = d.forward(torch.cat(new TensorVector(a, fake), 1));
        Tensor ganLoss = torch.binary_cross_entropy_with_logits(outG, torch.ones_like(outG));
        Tensor l1 = scale(torch.l1_loss(fake, b), LAMBDA_L1);
        ganLoss.add(l1).backward();
        optG.step();
        d.requiresGrad(true);
        note("loss_D", lossD);
        note("loss_G_GAN", ganLoss);
        note("loss_G_L1", l1);
    }

    @Override
    Map<String, Nets.Net> networks() {
        Map<String, Nets.Net> m = new LinkedHashMap<>();
        m.put("generator", g);
        m.put("discriminator", d);
        return m;
    }

    @Override
    String fallingLoss() {
        return "loss_G_L1";
    }

    @Override
    String shapes() {
        Tensor fake = g.forward(a);
        Tensor out = d.forward(torch.cat(new TensorVector(a, fake.detach()), 1));
        return "G " + Arrays.toString(a.sizes().vec().get()) + " -> " + Arrays.toString(fake.sizes().vec().get())
                + ", D " + Arrays.toString(new long[] {a.size(0), 6, a.size(2), a.size(3)}) + " -> "
                + Arrays.toString(out.sizes().vec().get());
    }
}
