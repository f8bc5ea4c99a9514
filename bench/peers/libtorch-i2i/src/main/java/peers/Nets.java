package peers;

import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.BatchNormOptions;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Conv2dOptions;
import org.bytedeco.pytorch.ConvTranspose2dImpl;
import org.bytedeco.pytorch.ConvTranspose2dOptions;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.InstanceNorm2dImpl;
import org.bytedeco.pytorch.InstanceNormOptions;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The networks of gan4j's pix2pix and CycleGAN as torch::nn modules, layer for layer as gan4j builds them
 * ({@code org.gan4j.models.nets}: UnetGenerator, ResnetGenerator, PatchGan), which follow the reference
 * PyTorch code (junyanz/pytorch-CycleGAN-and-pix2pix {@code networks.py}). Initialisation as gan4j: conv
 * weights N(0, 0.02), biases 0, batch-norm scale 1 (the reference draws it from N(1, 0.02)).
 */
final class Nets {
    private Nets() {}

    /** The three networks' common bits: normalised channels counted for the parameter totals. */
    abstract static class Net extends Module {
        private long runningStats; // batch-norm running mean + variance entries (DL4J counts them as parameters)
        private int layers;

        String name(String prefix) {
            return prefix + (layers++);
        }

        Conv2dImpl conv(long in, long out, long kernel, long stride, long pad, boolean bias) {
            Conv2dOptions o = new Conv2dOptions(in, out, pair(kernel));
            o.stride().put(0, stride).put(1, stride);
            o.padding().put(pair(pad));
            o.bias().put(bias);
            Conv2dImpl c = register_module(name("conv"), new Conv2dImpl(o));
            init(c.weight(), bias ? c.bias() : null);
            return c;
        }

        ConvTranspose2dImpl convT(long in, long out, long kernel, long stride, long pad, long outPad, boolean bias) {
            ConvTranspose2dOptions o = new ConvTranspose2dOptions(in, out, pair(kernel));
            o.stride().put(0, stride).put(1, stride);
            o.padding().put(0, pad).put(1, pad);
            o.output_padding().put(0, outPad).put(1, outPad);
            o.bias().put(bias);
            ConvTranspose2dImpl c = register_module(name("convT"), new ConvTranspose2dImpl(o));
            init(c.weight(), bias ? c.bias() : null);
            return c;
        }

        /** PyTorch's BatchNorm2d defaults (eps 1e-5, momentum 0.1), scale 1 and shift 0 as gan4j. */
        BatchNorm2dImpl batchNorm(long channels) {
            runningStats += 2 * channels;
            return register_module(name("bn"), new BatchNorm2dImpl(new BatchNormOptions(channels)));
        }

        /** InstanceNorm2d(affine=False, track_running_stats=False), eps 1e-5: no parameters. */
        InstanceNorm2dImpl instanceNorm(long channels) {
            return register_module(name("in"), new InstanceNorm2dImpl(new InstanceNormOptions(channels)));
        }

        abstract Tensor forward(Tensor x);

        long trainable() {
            return count(parameters());
        }

        /** Trainable parameters plus batch-norm running statistics: DL4J's (and so gan4j's) count. */
        long withRunningStats() {
            return trainable() + runningStats;
        }

        void requiresGrad(boolean on) {
            TensorVector p = parameters();
            for (long i = 0; i < p.size(); i++) {
                p.get(i).requires_grad_(on);
            }
        }
    }

    static LongPointer pair(long v) {
        return new LongPointer(v, v);
    }

    static void init(Tensor weight, Tensor bias) {
        try (NoGradGuard g = new NoGradGuard()) {
            weight.normal_(0.0, 0.02, new GeneratorOptional());
            if (bias != null) {
                bias.zero_();
            }
        }
    }

    static long count(TensorVector v) {
        long n = 0;
        for (long i = 0; i < v.size(); i++) {
            n += v.get(i).numel();
        }
        return n;
    }

    static Tensor leaky(Tensor x) {
        return torch.leaky_relu(x, new Scalar(0.2));
    }

    static Tensor reflect(Tensor x, long p) {
        return torch.reflection_pad2d(x, p, p, p, p);
    }

    /**
     * pix2pix's U-Net ({@code UnetGenerator}): {@code depth} 4x4 stride-2 convolutions down and as many
     * transposed ones up, level k with ngf * min(2^(k-1), 8) filters, concatenation skips carrying the
     * LeakyReLU-activated encoder features, batch norm except after the outermost and innermost down
     * convolutions, dropout 0.5 after the ngf*8 decoder levels 5 .. depth-1, tanh. Only the last
     * transposed convolution has a bias.
     */
    static final class Unet extends Net {
        final int depth;
        final Conv2dImpl[] down;
        final BatchNorm2dImpl[] downBn;
        final ConvTranspose2dImpl[] up;
        final BatchNorm2dImpl[] upBn;
        boolean dropout = true; // off only in the float64 gradient check, whose two passes need equal masks

        Unet(int depth, int ngf, int in, int out) {
            this.depth = depth;
            down = new Conv2dImpl[depth + 1];
            downBn = new BatchNorm2dImpl[depth + 1];
            up = new ConvTranspose2dImpl[depth + 1];
            upBn = new BatchNorm2dImpl[depth + 1];
            for (int k = 1; k <= depth; k++) {
                down[k] = conv(k == 1 ? in : filters(ngf, k - 1), filters(ngf, k), 4, 2, 1, false);
                if (k > 1 && k < depth) {
                    downBn[k] = batchNorm(filters(ngf, k));
                }
            }
            for (int k = depth; k >= 1; k--) {
                long nIn = k == depth ? filters(ngf, depth) : 2L * filters(ngf, k);
                if (k == 1) {
                    up[k] = convT(nIn, out, 4, 2, 1, 0, true);
                } else {
                    up[k] = convT(nIn, filters(ngf, k - 1), 4, 2, 1, 0, false);
                    upBn[k] = batchNorm(filters(ngf, k - 1));
                }
            }
        }

        static int filters(int ngf, int level) {
            return ngf * Math.min(1 << (level - 1), 8);
        }

        boolean hasDropout(int level) {
            return level >= 5 && level < depth;
        }

        @Override
        Tensor forward(Tensor x) {
            Tensor[] skip = new Tensor[depth];
            Tensor h = down[1].forward(x);
            for (int k = 2; k <= depth; k++) {
                skip[k - 1] = leaky(h);
                h = down[k].forward(skip[k - 1]);
                if (downBn[k] != null) {
                    h = downBn[k].forward(h);
                }
            }
            h = upBn[depth].forward(up[depth].forward(torch.relu(h)));
            for (int k = depth - 1; k >= 1; k--) {
                Tensor r = torch.relu(torch.cat(new TensorVector(skip[k], h), 1));
                if (k == 1) {
                    return torch.tanh(up[1].forward(r));
                }
                h = upBn[k].forward(up[k].forward(r));
                if (dropout && hasDropout(k)) {
                    h = torch.dropout(h, 0.5, true);
                }
            }
            throw new IllegalStateException("unreachable");
        }
    }

    /**
     * CycleGAN's ResNet generator ({@code ResnetGenerator}, instance norm): reflection pad 3 - c7s1-ngf,
     * two 3x3 stride-2 convolutions, {@code blocks} residual blocks (reflection pad 1 - 3x3 conv - IN - ReLU
     * - pad - conv - IN, plus the input), two ConvTranspose2d(3, stride 2, padding 1, output padding 1),
     * reflection pad 3 - c7s1-out - tanh. Every convolution has a bias; IN without affine parameters.
     */
    static final class Resnet extends Net {
        final Conv2dImpl first;
        final InstanceNorm2dImpl firstNorm;
        final Conv2dImpl[] down = new Conv2dImpl[2];
        final InstanceNorm2dImpl[] downNorm = new InstanceNorm2dImpl[2];
        final Conv2dImpl[][] block;
        final InstanceNorm2dImpl[][] blockNorm;
        final ConvTranspose2dImpl[] up = new ConvTranspose2dImpl[2];
        final InstanceNorm2dImpl[] upNorm = new InstanceNorm2dImpl[2];
        final Conv2dImpl last;

        Resnet(int blocks, int ngf, int in, int out) {
            first = conv(in, ngf, 7, 1, 0, true);
            firstNorm = instanceNorm(ngf);
            for (int i = 0; i < 2; i++) {
                down[i] = conv((long) ngf << i, (long) ngf << (i + 1), 3, 2, 1, true);
                downNorm[i] = instanceNorm((long) ngf << (i + 1));
            }
            long f = (long) ngf << 2;
            block = new Conv2dImpl[blocks][2];
            blockNorm = new InstanceNorm2dImpl[blocks][2];
            for (int b = 0; b < blocks; b++) {
                for (int j = 0; j < 2; j++) {
                    block[b][j] = conv(f, f, 3, 1, 0, true);
                    blockNorm[b][j] = instanceNorm(f);
                }
            }
            for (int i = 0; i < 2; i++) {
                up[i] = convT((long) ngf << (2 - i), (long) ngf << (1 - i), 3, 2, 1, 1, true);
                upNorm[i] = instanceNorm((long) ngf << (1 - i));
            }
            last = conv(ngf, out, 7, 1, 0, true);
        }

        @Override
        Tensor forward(Tensor x) {
            Tensor h = torch.relu(firstNorm.forward(first.forward(reflect(x, 3))));
            for (int i = 0; i < 2; i++) {
                h = torch.relu(downNorm[i].forward(down[i].forward(h)));
            }
            for (int b = 0; b < block.length; b++) {
                Tensor r = torch.relu(blockNorm[b][0].forward(block[b][0].forward(reflect(h, 1))));
                r = blockNorm[b][1].forward(block[b][1].forward(reflect(r, 1)));
                h = h.add(r);
            }
            for (int i = 0; i < 2; i++) {
                h = torch.relu(upNorm[i].forward(up[i].forward(h)));
            }
            return torch.tanh(last.forward(reflect(h, 3)));
        }
    }

    /**
     * The PatchGAN ({@code NLayerDiscriminator}): C(ndf) 4x4 s2 + bias - LeakyReLU(0.2) - [C(ndf*min(2^n, 8))
     * 4x4, stride 2 (stride 1 for n = layers) - norm - LeakyReLU] n = 1..layers - C(1) 4x4 s1 + bias; all
     * padding 1. Batch norm (pix2pix: the normalised convolutions have no bias) or instance norm without
     * affine parameters (CycleGAN: they keep their bias).
     */
    static final class PatchGan extends Net {
        final Conv2dImpl[] convs;
        final Module[] norms;

        PatchGan(int layers, int ndf, int in, boolean instanceNorm) {
            convs = new Conv2dImpl[layers + 2];
            norms = new Module[layers + 1];
            convs[0] = conv(in, ndf, 4, 2, 1, true);
            long prev = ndf;
            for (int n = 1; n <= layers; n++) {
                long f = (long) ndf * Math.min(1 << n, 8);
                convs[n] = conv(prev, f, 4, n < layers ? 2 : 1, 1, instanceNorm);
                norms[n] = instanceNorm ? instanceNorm(f) : batchNorm(f);
                prev = f;
            }
            convs[layers + 1] = conv(prev, 1, 4, 1, 1, true);
        }

        @Override
        Tensor forward(Tensor x) {
            Tensor h = leaky(convs[0].forward(x));
            for (int n = 1; n < norms.length; n++) {
                Tensor c = convs[n].forward(h);
                h = leaky(norms[n] instanceof BatchNorm2dImpl bn ? bn.forward(c) : ((InstanceNorm2dImpl) norms[n]).forward(c));
            }
            return convs[convs.length - 1].forward(h);
        }
    }
}
