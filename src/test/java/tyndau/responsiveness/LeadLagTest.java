package tyndau.responsiveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cross-correlation and Granger tests against values computed independently. */
class LeadLagTest {

    @Test
    void crossCorrelationFindsTheLagOfALaggedCopy() {
        Random r = new Random(7);
        double[] x = new double[200];
        double[] y = new double[200];
        for (int t = 0; t < x.length; t++) {
            x[t] = r.nextGaussian();
        }
        for (int t = 3; t < y.length; t++) {
            y[t] = x[t - 3];
        }
        LeadLag.Ccf c = LeadLag.ccf(x, y, 14);
        assertEquals(3, c.peakLagDays());
        assertEquals(1.0, c.r(), 1e-9);
        LeadLag.Ccf back = LeadLag.ccf(y, x, 14);
        assertEquals(-3, back.peakLagDays());
        assertNull(LeadLag.ccf(new double[50], x, 14), "a constant series has no correlation");
    }

    /**
     * Expected values derived independently with exact rational arithmetic (normal equations in
     * Python's fractions module, src/test/resources/responsiveness/granger_check.py) and the closed
     * form of the F(2, 4) tail, p = (4 / (4 + 2F))^2.
     */
    @Test
    void grangerMatchesAnIndependentExactComputation() {
        double[] x = {1, 3, 2, 5, 4, 6, 3, 7, 5, 8, 6};
        double[] y = {2, 1, 4, 3, 5, 6, 6, 4, 9, 6, 8};
        LeadLag.Granger g = LeadLag.granger(x, y, 2, 2);
        assertEquals(9, g.observations());
        assertEquals(12.001824522638067, g.f(), 1e-9);
        assertEquals(0.02040284499698539, g.p(), 1e-9);
    }

    @Test
    void grangerSeesTheDirectionOfCausation() {
        Random r = new Random(11);
        int n = 400;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = r.nextGaussian();
            y[t] = (t >= 2 ? 0.8 * x[t - 2] : 0) + 0.5 * r.nextGaussian();
        }
        LeadLag.Granger forward = LeadLag.grangerByAic(x, y, 7);
        LeadLag.Granger backward = LeadLag.grangerByAic(y, x, 7);
        assertTrue(forward.p() < 1e-6, "x Granger-causes y: p " + forward.p());
        assertTrue(forward.lag() >= 2, "AIC picks a lag that reaches t-2: " + forward.lag());
        assertTrue(backward.p() > 0.01, "y does not Granger-cause x: p " + backward.p());
        assertNull(LeadLag.grangerByAic(x, new double[n], 7), "a constant effect gives no test");
    }
}
