/**
 * SRResNet and SRGAN (Ledig et al. 2017, "Photo-Realistic Single Image Super-Resolution Using a Generative
 * Adversarial Network"): 4x photo super-resolution.
 *
 * <ul>
 *   <li>{@link org.gan4j.models.srgan.SrResNet}: the generator trained with pixel MSE (stage 1).</li>
 *   <li>{@link org.gan4j.models.srgan.Srgan}: the same generator against a discriminator, content loss
 *       (MSE, or features of any DL4J ComputationGraph such as an imported VGG19) + 1e-3 adversarial (stage 2,
 *       initialised from stage 1).</li>
 *   <li>{@link org.gan4j.models.srgan.Preset}: PAPER (the published sizes) and CPU (small, for minutes on a laptop).</li>
 *   <li>{@link org.gan4j.models.srgan.Upscaler}: whole images of any size, tiled.</li>
 *   <li>{@link org.gan4j.models.srgan.ImageQuality}: PSNR/SSIM on Y with a border crop, the papers' protocol.</li>
 * </ul>
 *
 * <p>Data contract: {@code Batch(a = LR RGB in [0, 1], b = HR RGB in [-1, 1])}, HR = 4 x LR, as the paper
 * (gan-datasets' {@code SuperResolutionDataset} makes it from a folder of photos).
 */
package org.gan4j.models.srgan;
