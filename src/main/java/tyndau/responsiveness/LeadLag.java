package tyndau.responsiveness;

import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/** Who moves first, from two daily series: cross-correlation and Granger F-tests (commons-math3 OLS). */
public final class LeadLag {

    private LeadLag() {
    }

    /** The lag (days; positive = {@code y} follows {@code x}) at which the correlation peaks, and its r. */
    public record Ccf(int peakLagDays, double r) {
    }

    /** A Granger F-test: does the past of the cause improve the prediction of the effect? */
    public record Granger(int lag, double f, double p, int observations) {
    }

    /**
     * Pearson correlation of {@code x[t]} with {@code y[t+k]} for k in [-maxLag, maxLag]; the peak is
     * the largest r (ties: the smallest |k|). Null when either series is constant.
     */
    public static Ccf ccf(double[] x, double[] y, int maxLag) {
        Ccf best = null;
        for (int a = 0; a <= maxLag; a++) {
            for (int k : a == 0 ? new int[] {0} : new int[] {a, -a}) {
                Double r = correlation(x, y, k);
                if (r != null && (best == null || r > best.r() + 1e-12)) {
                    best = new Ccf(k, r);
                }
            }
        }
        return best;
    }

    static Double correlation(double[] x, double[] y, int k) {
        int from = Math.max(0, -k);
        int to = Math.min(x.length, y.length - k);
        int n = to - from;
        if (n < 3) {
            return null;
        }
        double mx = 0;
        double my = 0;
        for (int t = from; t < to; t++) {
            mx += x[t];
            my += y[t + k];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int t = from; t < to; t++) {
            double dx = x[t] - mx;
            double dy = y[t + k] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? null : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * Granger test of {@code cause} → {@code effect} with the lag order (1..maxLag) that minimises the
     * AIC of the unrestricted model, all orders fitted on the same sample (t ≥ maxLag). Null when the
     * series are too short or degenerate (a singular design, e.g. a side with no documents).
     */
    public static Granger grangerByAic(double[] cause, double[] effect, int maxLag) {
        int bestLag = -1;
        double bestAic = Double.POSITIVE_INFINITY;
        for (int p = 1; p <= maxLag; p++) {
            Double rss = rss(cause, effect, p, maxLag, true);
            int n = effect.length - maxLag;
            if (rss == null || rss <= 0 || n - (2 * p + 1) <= 0) {
                continue;
            }
            double aic = n * Math.log(rss / n) + 2 * (2 * p + 1);
            if (aic < bestAic) {
                bestAic = aic;
                bestLag = p;
            }
        }
        return bestLag < 0 ? null : granger(cause, effect, bestLag, maxLag);
    }

    /** The F-test at a fixed lag order, on the sample t ≥ {@code start}. */
    public static Granger granger(double[] cause, double[] effect, int lag, int start) {
        Double unrestricted = rss(cause, effect, lag, start, true);
        Double restricted = rss(cause, effect, lag, start, false);
        int n = effect.length - start;
        int df2 = n - (2 * lag + 1);
        // A (near-)perfect in-sample fit makes F unbounded and says nothing: a side silent but for a
        // few days can be "explained" exactly by lag dummies.
        if (unrestricted == null || restricted == null || df2 <= 0 || unrestricted <= 1e-9 * Math.max(restricted, 1e-300)) {
            return null;
        }
        double f = ((restricted - unrestricted) / lag) / (unrestricted / df2);
        double p = 1.0 - new FDistribution(lag, df2).cumulativeProbability(Math.max(0, f));
        return new Granger(lag, f, p, n);
    }

    /** Residual sum of squares of effect[t] on an intercept, its own lags and (when unrestricted) the cause's lags. */
    static Double rss(double[] cause, double[] effect, int lag, int start, boolean withCause) {
        int n = effect.length - start;
        int k = withCause ? 2 * lag : lag;
        if (n <= k + 1) {
            return null;
        }
        double[] yv = new double[n];
        double[][] xm = new double[n][k];
        for (int i = 0; i < n; i++) {
            int t = start + i;
            yv[i] = effect[t];
            for (int j = 1; j <= lag; j++) {
                xm[i][j - 1] = effect[t - j];
                if (withCause) {
                    xm[i][lag + j - 1] = cause[t - j];
                }
            }
        }
        try {
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(yv, xm);
            return ols.calculateResidualSumOfSquares();
        } catch (IllegalArgumentException singularOrDegenerate) {
            return null;
        }
    }
}
