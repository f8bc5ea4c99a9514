package org.gan4j.eval;

/**
 * A Gaussian fitted to feature vectors (mean and unbiased covariance, in double precision) and the
 * Fréchet distance between two such fits, the quantity FID reports.
 */
final class Gaussian {
    final double[] mean;
    final double[][] cov;
    final int count;

    Gaussian(double[] mean, double[][] cov, int count) {
        this.mean = mean;
        this.cov = cov;
        this.count = count;
    }

    /**
     * Fits {@code n} row vectors of length {@code d} stored row after row in {@code rows}.
     *
     * @throws IllegalArgumentException if there are fewer than two vectors
     */
    static Gaussian fit(float[] rows, int n, int d) {
        if (n < 2) {
            throw new IllegalArgumentException("a covariance needs at least 2 samples, got " + n);
        }
        if (rows.length != (long) n * d) {
            throw new IllegalArgumentException(rows.length + " values are not " + n + " rows of " + d);
        }
        double[] mean = new double[d];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                mean[i] += rows[r * d + i];
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] /= n;
        }
        double[][] cov = new double[d][d];
        double[] x = new double[d];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                x[i] = rows[r * d + i] - mean[i];
            }
            for (int i = 0; i < d; i++) {
                double xi = x[i];
                if (xi == 0) {
                    continue; // ReLU features are often exactly at the mean of an always-zero unit
                }
                double[] ci = cov[i];
                for (int j = i; j < d; j++) {
                    ci[j] += xi * x[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                cov[i][j] /= n - 1;
                cov[j][i] = cov[i][j];
            }
        }
        return new Gaussian(mean, cov, n);
    }

    /** The squared Fréchet distance to {@code other}; see {@link #frechetDistance(double[], double[][], double[], double[][])}. */
    double frechetDistance(Gaussian other) {
        return frechetDistance(mean, cov, other.mean, other.cov);
    }

    /**
     * Squared Fréchet (2-Wasserstein) distance between N(mu1, s1) and N(mu2, s2):
     * {@code |mu1 - mu2|^2 + tr(s1) + tr(s2) - 2 tr((s1 s2)^(1/2))}. The last trace is the sum of the square
     * roots of the eigenvalues of the symmetric positive semi-definite {@code s1^(1/2) s2 s1^(1/2)}, which
     * has the eigenvalues of {@code s1 s2}; both decompositions are symmetric, so round-off cannot make the
     * result complex, and eigenvalues a hair below zero are taken as zero. Clamped at 0 from below.
     */
    static double frechetDistance(double[] mu1, double[][] s1, double[] mu2, double[][] s2) {
        int d = mu1.length;
        if (mu2.length != d || s1.length != d || s2.length != d) {
            throw new IllegalArgumentException("dimensions differ: " + d + ", " + mu2.length + ", " + s1.length
                    + ", " + s2.length);
        }
        double dist = 0;
        for (int i = 0; i < d; i++) {
            double diff = mu1[i] - mu2[i];
            dist += diff * diff + s1[i][i] + s2[i][i];
        }
        double[][] root = sqrtPsd(s1);
        double[][] m = multiply(multiply(root, s2), root);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double avg = 0.5 * (m[i][j] + m[j][i]);
                m[i][j] = avg;
                m[j][i] = avg;
            }
        }
        double traceRoot = 0;
        for (double ev : SymmetricEigen.of(m, false).values) {
            traceRoot += Math.sqrt(Math.max(ev, 0));
        }
        return Math.max(dist - 2 * traceRoot, 0);
    }

    /** The symmetric square root of a symmetric positive semi-definite matrix (negative eigenvalues as 0). */
    static double[][] sqrtPsd(double[][] s) {
        SymmetricEigen e = SymmetricEigen.of(s, true);
        int d = s.length;
        double[] root = new double[d];
        for (int k = 0; k < d; k++) {
            root[k] = Math.sqrt(Math.max(e.values[k], 0));
        }
        double[][] v = e.vectors;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    sum += v[i][k] * root[k] * v[j][k];
                }
                out[i][j] = sum;
                out[j][i] = sum;
            }
        }
        return out;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int inner = b.length;
        int m = b[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] oi = out[i];
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                if (aik == 0) {
                    continue;
                }
                double[] bk = b[k];
                for (int j = 0; j < m; j++) {
                    oi[j] += aik * bk[j];
                }
            }
        }
        return out;
    }
}
