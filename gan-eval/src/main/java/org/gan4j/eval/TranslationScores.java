package org.gan4j.eval;

/**
 * The scores of one translation direction (see {@link TranslationEvaluator}): the translations, and as baselines
 * the untranslated inputs and real images of the target domain, each scored the same way. A value that does not
 * apply (no labels, unpaired data, a one-way model, the two-sample test of real images) is NaN.
 *
 * @param direction e.g. {@code A->B}
 * @param images source images translated
 * @param translated the translations G(x)
 * @param input the untranslated inputs x (the identity baseline)
 * @param realTarget real images of the target domain from the evaluation split (the ceiling)
 * @param cycleL1 mean L1 (on the [0, 1] scale) between x and its round trip through both directions, e.g.
 *     A->B->A; 0 for an exact inverse pair; NaN for one-way models
 */
public record TranslationScores(String direction, int images, Scores translated, Scores input, Scores realTarget,
        double cycleL1) {

    /**
     * One row of scores.
     *
     * @param targetDomainShare share (0..1) the domain classifier assigns to the target domain
     * @param contentKept share whose class (by the target domain's class classifier) is the source image's label;
     *     for real target images, the classifier's accuracy on their own labels
     * @param twoSampleAccuracy held-out accuracy of a fresh classifier telling these images from real target images
     *     (0.5 = indistinguishable, 1 = always told apart)
     * @param frechetDistance squared Fréchet distance between the domain classifier's features of these images and
     *     of real target images (for real target images: between two disjoint halves of them)
     * @param l1 paired data: mean L1 against the true target image ([0, 1] scale)
     * @param psnr paired data: mean PSNR in dB against the true target (capped at 100)
     * @param ssim paired data: mean SSIM against the true target
     */
    public record Scores(double targetDomainShare, double contentKept, double twoSampleAccuracy, double frechetDistance,
            double l1, double psnr, double ssim) {}
}
