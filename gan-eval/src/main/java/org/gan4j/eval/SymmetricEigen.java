package org.gan4j.eval;

/**
 * Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method, in double precision:
 * sweeps of plane rotations, each zeroing one off-diagonal element, until the off-diagonal part is
 * negligible. Accurate (small eigenvalues keep their relative precision) and simple; O(n^3) per sweep,
 * typically under 10 sweeps, well under a second for the 256 x 256 matrices of the Fréchet distance.
 */
final class SymmetricEigen {
    private static final int MAX_SWEEPS = 100;

    /** Eigenvalues, in no particular order. */
    final double[] values;
    /** Eigenvectors as columns ({@code vectors[i][k]} is component i of vector k), or null if not asked for. */
    final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes {@code a} (square and symmetric; only read, never changed).
     *
     * @param withVectors whether to accumulate the eigenvectors too
     * @throws IllegalArgumentException if {@code a} is not square, not symmetric or not finite
     */
    static SymmetricEigen of(double[][] a, boolean withVectors) {
        int n = a.length;
        double[][] m = new double[n][];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("matrix is not square: row " + i + " has " + a[i].length
                        + " columns, expected " + n);
            }
            m[i] = a[i].clone();
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException("matrix element (" + i + ", " + j + ") is " + a[i][j]);
                }
                scale = Math.max(scale, Math.abs(a[i][j]));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(a[i][j] - a[j][i]) > 1e-9 * Math.max(scale, Double.MIN_NORMAL)) {
                    throw new IllegalArgumentException("matrix is not symmetric at (" + i + ", " + j + "): "
                            + a[i][j] + " vs " + a[j][i]);
                }
            }
        }
        double[][] v = null;
        if (withVectors) {
            v = new double[n][n];
            for (int i = 0; i < n; i++) {
                v[i][i] = 1;
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < n; i++) {
                diag += m[i][i] * m[i][i];
                for (int j = i + 1; j < n; j++) {
                    off += m[i][j] * m[i][j];
                }
            }
            if (off == 0 || off <= 1e-30 * diag) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(m, v, p, q);
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = m[i][i];
        }
        return new SymmetricEigen(values, v);
    }

    /** One rotation in the (p, q) plane that makes m[p][q] zero: m = J^T m J, v = v J. */
    private static void rotate(double[][] m, double[][] v, int p, int q) {
        double apq = m[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (m[q][q] - m[p][p]) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = m.length;
        for (int k = 0; k < n; k++) { // columns p and q
            double kp = m[k][p];
            double kq = m[k][q];
            m[k][p] = c * kp - s * kq;
            m[k][q] = s * kp + c * kq;
        }
        double[] rp = m[p];
        double[] rq = m[q];
        for (int k = 0; k < n; k++) { // rows p and q
            double pk = rp[k];
            double qk = rq[k];
            rp[k] = c * pk - s * qk;
            rq[k] = s * pk + c * qk;
        }
        m[p][q] = 0;
        m[q][p] = 0;
        if (v != null) {
            for (int k = 0; k < n; k++) {
                double kp = v[k][p];
                double kq = v[k][q];
                v[k][p] = c * kp - s * kq;
                v[k][q] = s * kp + c * kq;
            }
        }
    }
}
