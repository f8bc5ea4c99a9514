package org.gan4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Fréchet distance and the Jacobi eigen solver under it, against cases worked out by hand. */
class FrechetTest {

    @Test
    void oneDimensionalGaussians() {
        // N(1, 2^2) vs N(3, 3^2): (1 - 3)^2 + (2 - 3)^2 = 5
        double d = Gaussian.frechetDistance(new double[] {1}, new double[][] {{4}}, new double[] {3}, new double[][] {{9}});
        assertEquals(5.0, d, 1e-12);
    }

    @Test
    void twoDimensionalNonCommutingCovariances() {
        double[][] s1 = {{2, 1}, {1, 2}};
        double[][] s2 = {{1, 0}, {0, 4}};
        // s1 s2 = [[2, 4], [1, 8]]: trace 10, det 12, eigenvalues 5 +- sqrt(13);
        // tr sqrt(s1 s2) = sqrt(5 + sqrt 13) + sqrt(5 - sqrt 13); means differ by (1, -2): |.|^2 = 5
        double traceRoot = Math.sqrt(5 + Math.sqrt(13)) + Math.sqrt(5 - Math.sqrt(13));
        double expected = 5 + (2 + 2) + (1 + 4) - 2 * traceRoot;
        double d = Gaussian.frechetDistance(new double[] {0, 0}, s1, new double[] {1, -2}, s2);
        assertEquals(expected, d, 1e-12);
        assertEquals(d, Gaussian.frechetDistance(new double[] {1, -2}, s2, new double[] {0, 0}, s1), 1e-12, "symmetric");
    }

    @Test
    void sameCovarianceLeavesTheSquaredMeanDistance() {
        double[][] s = randomCovariance(new Random(3), 20);
        double[] mu = new double[20];
        double[] shifted = new double[20];
        shifted[4] = 3;
        shifted[7] = -1;
        assertEquals(10.0, Gaussian.frechetDistance(mu, s, shifted, s), 1e-8);
    }

    @Test
    void aSetAgainstItselfIsZeroAndAgainstAnotherIsNot() {
        Random r = new Random(7);
        int n = 500;
        int d = 128;
        float[] a = new float[n * d];
        float[] b = new float[n * d];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) Math.max(0, r.nextGaussian()); // ReLU-like features, many exact zeros
            b[i] = (float) Math.max(0, r.nextGaussian() + 0.3);
        }
        Gaussian ga = Gaussian.fit(a, n, d);
        Gaussian gb = Gaussian.fit(b, n, d);
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += ga.cov[i][i];
        }
        assertTrue(ga.frechetDistance(ga) < 1e-9 * trace, "self distance " + ga.frechetDistance(ga));
        assertTrue(ga.frechetDistance(gb) > 0.1 * trace, "distance to a shifted set " + ga.frechetDistance(gb));
    }

    @Test
    void fitComputesMeanAndUnbiasedCovariance() {
        // rows (1, 2), (3, 2), (5, 8): mean (3, 4); deviations (-2,-2), (0,-2), (2,4)
        Gaussian g = Gaussian.fit(new float[] {1, 2, 3, 2, 5, 8}, 3, 2);
        assertEquals(3, g.mean[0], 0);
        assertEquals(4, g.mean[1], 0);
        assertEquals((4 + 0 + 4) / 2.0, g.cov[0][0], 1e-12);
        assertEquals((4 + 0 + 8) / 2.0, g.cov[0][1], 1e-12);
        assertEquals((4 + 4 + 16) / 2.0, g.cov[1][1], 1e-12);
        assertEquals(g.cov[0][1], g.cov[1][0], 0);
        assertThrows(IllegalArgumentException.class, () -> Gaussian.fit(new float[] {1, 2}, 1, 2));
    }

    @Test
    void jacobiFindsKnownEigenvalues() {
        double[] v = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}}, false).values.clone();
        Arrays.sort(v);
        assertEquals(1, v[0], 1e-14);
        assertEquals(3, v[1], 1e-14);
        // [[2,-1,0],[-1,2,-1],[0,-1,2]]: 2 - sqrt 2, 2, 2 + sqrt 2
        double[] w = SymmetricEigen.of(new double[][] {{2, -1, 0}, {-1, 2, -1}, {0, -1, 2}}, false).values.clone();
        Arrays.sort(w);
        assertEquals(2 - Math.sqrt(2), w[0], 1e-14);
        assertEquals(2, w[1], 1e-14);
        assertEquals(2 + Math.sqrt(2), w[2], 1e-14);
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}, {0, 1}}, false));
    }

    @Test
    void jacobiDecompositionReconstructsARandomMatrix() {
        Random r = new Random(11);
        int n = 60;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = r.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        SymmetricEigen e = SymmetricEigen.of(a, true);
        double worst = 0;
        double worstOrtho = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double rec = 0;
                double dot = 0;
                for (int k = 0; k < n; k++) {
                    rec += e.vectors[i][k] * e.values[k] * e.vectors[j][k];
                    dot += e.vectors[k][i] * e.vectors[k][j];
                }
                worst = Math.max(worst, Math.abs(rec - a[i][j]));
                worstOrtho = Math.max(worstOrtho, Math.abs(dot - (i == j ? 1 : 0)));
            }
        }
        assertTrue(worst < 1e-12, "reconstruction error " + worst);
        assertTrue(worstOrtho < 1e-12, "orthogonality error " + worstOrtho);
    }

    @Test
    void squareRootSquaresBack() {
        double[][] s = randomCovariance(new Random(5), 30);
        double[][] root = Gaussian.sqrtPsd(s);
        double[][] back = Gaussian.multiply(root, root);
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 30; j++) {
                assertEquals(s[i][j], back[i][j], 1e-10);
            }
        }
    }

    /** X^T X / n of a random 2d x d matrix: symmetric positive definite. */
    private static double[][] randomCovariance(Random r, int d) {
        double[][] x = new double[2 * d][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextGaussian();
            }
        }
        double[][] s = new double[d][d];
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    s[i][j] += row[i] * row[j] / x.length;
                }
            }
        }
        return s;
    }
}
