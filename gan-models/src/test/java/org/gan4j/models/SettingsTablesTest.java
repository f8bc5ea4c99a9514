package org.gan4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.gan4j.core.settings.Setting;
import org.gan4j.core.settings.SettingTable;
import org.gan4j.core.train.VariantProvider;
import org.gan4j.models.i2i.CycleGanSettings;
import org.gan4j.models.i2i.DiscoGanSettings;
import org.gan4j.models.i2i.Pix2PixSettings;
import org.gan4j.models.srgan.SrResNetSettings;
import org.gan4j.models.srgan.SrganSettings;
import org.gan4j.models.unconditional.DcganSettings;
import org.gan4j.models.unconditional.GanSettings;
import org.junit.jupiter.api.Test;

/** Every variant's settings table: round trips, help texts, and the configs that checkpoints already hold. */
class SettingsTablesTest {
    static final List<SettingTable<?>> TABLES = List.of(GanSettings.TABLE, DcganSettings.TABLE, Pix2PixSettings.TABLE,
            CycleGanSettings.TABLE, DiscoGanSettings.TABLE, SrResNetSettings.TABLE, SrganSettings.TABLE);

    @Test
    void everyProviderListsItsTable() {
        Map<String, List<Setting<?>>> byName = new HashMap<>();
        for (VariantProvider p : ServiceLoader.load(VariantProvider.class)) {
            byName.put(p.name(), p.settings());
        }
        for (SettingTable<?> t : TABLES) {
            assertEquals(t.settings(), byName.get(t.owner()), t.owner());
        }
    }

    @Test
    void defaultsAndPresetsRoundTrip() {
        for (SettingTable<?> t : TABLES) {
            roundTrip(t, Map.of());
            if (t.setting("preset") != null) {
                roundTrip(t, Map.of("preset", "cpu"));
            }
            for (Setting<?> s : t.settings()) {
                assertFalse(s.description().isBlank(), t.owner() + " " + s.name());
                assertFalse(s.defaultText().isBlank(), t.owner() + " " + s.name());
            }
        }
    }

    private static <R extends Record> void roundTrip(SettingTable<R> t, Map<String, String> given) {
        R r = t.read(given);
        assertEquals(r, t.read(t.write(r)), t.owner() + " " + given);
    }

    @Test
    void changingABuilderAfterBuildLeavesTheVariantAlone() {
        var pix = org.gan4j.models.i2i.Pix2Pix.fromConfig(Map.of("preset", "cpu", "imageSize", "16", "ngf", "4",
                "ndf", "4", "dLayers", "1"));
        var built = pix.build(1);
        Map<String, String> before = Map.copyOf(built.config());
        pix.lambdaL1(1).imageSize(32).reverseData(true).testTimeDropout(false);
        assertEquals(before, built.config());
        assertEquals(100.0, built.settings().lambdaL1());
        assertEquals(16, built.imageSize());
        assertFalse(built.reverseData());
        assertEquals("32", pix.toConfig().get("imageSize"));

        var disco = org.gan4j.models.i2i.DiscoGan.fromConfig(Map.of("ngf", "4", "ndf", "4"));
        var d = disco.build(1);
        disco.updateInterval(5).reconLoss(org.gan4j.core.loss.ReconstructionLoss.L1).betas(0.9, 0.99);
        assertTrue(d.discriminatorIteration(3), "still every 3rd iteration");
        assertEquals(org.gan4j.core.loss.ReconstructionLoss.L2, d.settings().reconLoss());
        assertEquals("l1", disco.toConfig().get("reconLoss"));
        assertEquals("0.99", disco.toConfig().get("beta2"));
    }

    @Test
    void dcganLearningRateDefaultsToTheArchitecturesMeasuredValue() {
        var tutorial = org.gan4j.models.unconditional.Dcgan.builder().settings();
        var radford = org.gan4j.models.unconditional.Dcgan.builder()
                .architecture(org.gan4j.models.unconditional.Dcgan.Architecture.RADFORD_64).settings();
        assertEquals(8e-4, tutorial.learningRate(), "tutorial networks at batch 32");
        assertEquals(2e-4, radford.learningRate(), "the paper's");
        assertEquals(1e-4, org.gan4j.models.unconditional.Dcgan.builder().learningRate(1e-4).settings().learningRate());
        assertEquals(2e-4, org.gan4j.models.unconditional.Gan.builder().settings().learningRate(), "the MLP GAN's own");
        assertEquals(1e-4, org.gan4j.models.unconditional.Gan.builder().learningRate(1e-4).settings().learningRate());
        var adam = (org.nd4j.linalg.learning.config.Adam) ((org.deeplearning4j.nn.multilayer.MultiLayerNetwork)
                org.gan4j.models.unconditional.Dcgan.builder().build(1).discriminator().model()).getLayer(0).conf()
                .getLayer().getUpdaterByParam("W");
        assertEquals(8e-4, adam.getLearningRate(), 1e-12, "reaches the networks");
        assertEquals("2.0E-4", org.gan4j.models.unconditional.Dcgan.fromConfig(Map.of("architecture", "tutorial_28",
                "learningRate", "2.0E-4")).toConfig().get("learningRate"), "a stored run keeps its own rate");
    }

    @Test
    void discoganReconstructionRateDefaultsToThePresetsMeasuredValue() {
        assertEquals(0.5, org.gan4j.models.i2i.DiscoGan.builder().settings().defaultRate(), "the paper's");
        var cpu = org.gan4j.models.i2i.DiscoGan.builder().preset(org.gan4j.models.i2i.DiscoGan.Preset.CPU).settings();
        assertEquals(0.9, cpu.defaultRate(), "measured on the fashion-edges task");
        assertEquals(0.01, cpu.startingRate(), "the curriculum keeps the paper's starting rate");
        assertEquals(0.5, org.gan4j.models.i2i.DiscoGan.builder().preset(org.gan4j.models.i2i.DiscoGan.Preset.CPU)
                .rates(0.01, 0.5).settings().defaultRate(), "an explicit rate wins");
        assertEquals(0.5, org.gan4j.models.i2i.DiscoGan.fromConfig(Map.of("preset", "cpu", "defaultRate", "0.5"))
                .settings().defaultRate(), "a stored run keeps its own rate");
        assertEquals("0.9", DiscoGanSettings.TABLE.write(org.gan4j.models.i2i.DiscoGan.fromConfig(Map.of("preset", "cpu"))
                .settings()).get("defaultRate"), "a new run stores the value it uses");
    }

    @Test
    void pix2pixTranslatesFromAveragedWeightsAndTheCpuPresetInInferenceMode() {
        var provider = new org.gan4j.models.i2i.Pix2PixProvider();
        assertEquals(java.util.Optional.of(new org.gan4j.core.train.WeightAveraging(0.999, 0)),
                provider.defaultAveraging(), "measured on the fashion-edges task");
        assertTrue(org.gan4j.models.i2i.Pix2Pix.builder().settings().testTimeDropout(), "the paper's test.py");
        var cpu = org.gan4j.models.i2i.Pix2Pix.builder().preset(org.gan4j.models.i2i.Pix2Pix.Preset.CPU);
        assertEquals(false, cpu.settings().testTimeDropout(), "measured");
        assertTrue(cpu.testTimeDropout(true).settings().testTimeDropout(), "an explicit choice wins");
        assertTrue(org.gan4j.models.i2i.Pix2Pix.fromConfig(Map.of("preset", "cpu", "testTimeDropout", "true"))
                .settings().testTimeDropout(), "a stored run keeps its own mode");
        assertEquals("false", Pix2PixSettings.TABLE.write(org.gan4j.models.i2i.Pix2Pix.fromConfig(Map.of("preset", "cpu"))
                .settings()).get("testTimeDropout"), "a new run stores the mode it uses");
    }

    @Test
    void translationVariantsAverageTheirGeneratorsByDefault() {
        var expected = java.util.Optional.of(new org.gan4j.core.train.WeightAveraging(0.999, 0));
        assertEquals(expected, new org.gan4j.models.i2i.DiscoGanProvider().defaultAveraging(),
                "measured on the fashion-edges task");
        assertEquals(expected, new org.gan4j.models.i2i.CycleGanProvider().defaultAveraging(),
                "measured on the fashion-unpaired task");
    }

    @Test
    void discriminatorLearningRateFollowsTheLearningRateUnlessGiven() {
        for (var builder : List.of(org.gan4j.models.unconditional.Dcgan.builder(),
                org.gan4j.models.unconditional.Dcgan.builder().learningRate(1e-4),
                org.gan4j.models.unconditional.Dcgan.builder().learningRate(1e-4).discriminatorLearningRate(3e-4))) {
            var gan = builder.build(1);
            double g = adam(gan.generator().model()).getLearningRate();
            double d = adam(gan.discriminator().model()).getLearningRate();
            assertEquals(gan.settings().learningRate(), g, 1e-12);
            assertEquals(gan.settings().discriminatorLearningRate(), d, 1e-12);
        }
        assertEquals(1e-4, org.gan4j.models.unconditional.Dcgan.builder().learningRate(1e-4).settings()
                .discriminatorLearningRate(), "follows learningRate");
        var ttur = org.gan4j.models.unconditional.Gan.builder().discriminatorLearningRate(8e-4).build(1);
        assertEquals(2e-4, adam(ttur.generator().model()).getLearningRate(), 1e-12);
        assertEquals(8e-4, adam(ttur.discriminator().model()).getLearningRate(), 1e-12);
        assertEquals("8.0E-4", ttur.config().get("discriminatorLearningRate"), "stored with the run");
    }

    private static org.nd4j.linalg.learning.config.Adam adam(Object network) {
        return (org.nd4j.linalg.learning.config.Adam) ((org.deeplearning4j.nn.multilayer.MultiLayerNetwork) network)
                .getLayer(0).conf().getLayer().getUpdaterByParam("W");
    }

    @Test
    void adamBetasReachBothNetworks() {
        var dcgan = org.gan4j.models.unconditional.Dcgan.builder().beta1(0.6).beta2(0.99).build(1);
        var gan = org.gan4j.models.unconditional.Gan.builder().beta2(0.9).build(1);
        assertEquals("0.99", dcgan.config().get("beta2"));
        for (var net : List.of(dcgan.generator(), dcgan.discriminator())) {
            var adam = (org.nd4j.linalg.learning.config.Adam) ((org.deeplearning4j.nn.multilayer.MultiLayerNetwork)
                    net.model()).getLayer(0).conf().getLayer().getUpdaterByParam("W");
            assertEquals(0.6, adam.getBeta1());
            assertEquals(0.99, adam.getBeta2());
        }
        var adam = (org.nd4j.linalg.learning.config.Adam) ((org.deeplearning4j.nn.multilayer.MultiLayerNetwork)
                gan.discriminator().model()).getLayer(0).conf().getLayer().getUpdaterByParam("W");
        assertEquals(0.9, adam.getBeta2());
        assertEquals(0.999, ((org.nd4j.linalg.learning.config.Adam) ((org.deeplearning4j.nn.multilayer.MultiLayerNetwork)
                org.gan4j.models.unconditional.Gan.builder().build(1).generator().model()).getLayer(0).conf().getLayer()
                .getUpdaterByParam("W")).getBeta2(), "default: Adam's");
    }

    /** Configs as the code before the settings tables wrote them (checkpoints store these under config.*). */
    @Test
    void configsStoredByEarlierVersionsLoadWithTheSameValues() {
        legacy(GanSettings.TABLE, "latentSize=100 channels=1 height=28 width=28"
                + " learningRate=2.0E-4 beta1=0.5 loss=least_squares realLabel=1.0 generatorEvery=1");
        legacy(DcganSettings.TABLE, "architecture=radford_64 latentSize=100 channels=3"
                + " learningRate=2.0E-4 beta1=0.5 loss=non_saturating realLabel=0.9 generatorEvery=2");
        legacy(Pix2PixSettings.TABLE, "preset=paper generator=unet unetDepth=8"
                + " imageSize=256 loadSize=286 ngf=64 ndf=64 dLayers=3 learningRate=2.0E-4 beta1=0.5"
                + " constantEpochs=100 decayEpochs=100 inputChannels=3 outputChannels=3 lambdaL1=100.0"
                + " testTimeDropout=true direction=atob");
        legacy(Pix2PixSettings.TABLE, "preset=cpu generator=resnet9 resizeConv=true"
                + " imageSize=64 loadSize=72 ngf=32 ndf=32 dLayers=2 learningRate=2.0E-4 beta1=0.5"
                + " constantEpochs=100 decayEpochs=100 inputChannels=1 outputChannels=3 lambdaL1=100.0"
                + " testTimeDropout=false direction=btoa");
        legacy(CycleGanSettings.TABLE, "preset=cpu imageSize=64 loadSize=72 ngf=32"
                + " ndf=32 dLayers=2 learningRate=2.0E-4 beta1=0.5 constantEpochs=100 decayEpochs=100 inputChannels=3"
                + " outputChannels=3 blocks=3 resizeConv=false lambdaA=10.0 lambdaB=10.0 lambdaIdentity=0.5 poolSize=50");
        legacy(DiscoGanSettings.TABLE, "preset=cpu imageSize=64 ngf=32 ndf=32"
                + " ganCurriculum=500 startingRate=0.01 defaultRate=0.5 updateInterval=3 learningRate=2.0E-4 beta1=0.5"
                + " beta2=0.999 weightDecay=1.0E-5 reconLoss=l2 testBatchStatistics=true");
        legacy(SrResNetSettings.TABLE, "preset=cpu blocks=4 features=32 cropSize=48"
                + " outputKernel=3 bicubicSkip=true learningRate=5.0E-4");
        legacy(SrganSettings.TABLE, "preset=paper blocks=16 features=64 cropSize=96"
                + " outputKernel=9 bicubicSkip=false learningRate=1.0E-4 discriminatorFilters=64"
                + " discriminatorDense=1024 adversarialWeight=0.001 content=mse");
        legacy(SrganSettings.TABLE, "preset=cpu blocks=4 features=32 cropSize=48"
                + " outputKernel=3 bicubicSkip=true learningRate=5.0E-4 discriminatorFilters=32 discriminatorDense=256"
                + " adversarialWeight=0.001 content=features contentNetwork=vgg19.zip contentLayer=block5_conv4"
                + " contentScaling=caffe contentFeatureScale=0.0784313725490196");
    }

    /** Loads {@code config} and checks that writing it back gives every stored key the stored value. */
    private static <R extends Record> void legacy(SettingTable<R> table, String config) {
        Map<String, String> stored = new HashMap<>();
        for (String kv : config.split(" ")) {
            String[] p = kv.split("=", 2);
            stored.put(p[0], p[1]);
        }
        Map<String, String> written = table.write(table.read(stored));
        stored.forEach((k, v) -> assertEquals(v, written.get(k), k + " of " + config));
        assertTrue(written.keySet().containsAll(stored.keySet()));
    }
}
