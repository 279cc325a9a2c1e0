# Independent check of LeadLagTest.grangerMatchesAnIndependentExactComputation: OLS by the normal
# equations in exact rational arithmetic, the F statistic of the Granger test at lag 2 on the
# sample t >= 2 (9 observations: df1 = 2, df2 = 9 - 5 = 4), and its p-value from the regularized
# incomplete beta function (computed here by exact series summation for integer half-degrees).
from fractions import Fraction as Fr
import math

x = [1, 3, 2, 5, 4, 6, 3, 7, 5, 8, 6]
y = [2, 1, 4, 3, 5, 6, 6, 4, 9, 6, 8]
lag, start = 2, 2

def solve(a, b):
    n = len(a)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = next(r for r in range(c, n) if m[r][c] != 0)
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c] / m[c][c]
                m[r] = [m[r][k] - f * m[c][k] for k in range(n + 1)]
    return [m[i][n] / m[i][i] for i in range(n)]

def rss(with_cause):
    rows, ys = [], []
    for t in range(start, len(y)):
        row = [Fr(1)] + [Fr(y[t - j]) for j in range(1, lag + 1)]
        if with_cause:
            row += [Fr(x[t - j]) for j in range(1, lag + 1)]
        rows.append(row)
        ys.append(Fr(y[t]))
    k = len(rows[0])
    xtx = [[sum(r[i] * r[j] for r in rows) for j in range(k)] for i in range(k)]
    xty = [sum(r[i] * yy for r, yy in zip(rows, ys)) for i in range(k)]
    beta = solve(xtx, xty)
    return sum((yy - sum(b * v for b, v in zip(beta, r))) ** 2 for r, yy in zip(rows, ys))

ru, rr = rss(True), rss(False)
n = len(y) - start
df1, df2 = lag, n - (2 * lag + 1)
F = ((rr - ru) / df1) / (ru / df2)
# F(2, 4) tail: with df1 = 2, P(F > f) = (df2 / (df2 + df1 f)) ** (df2 / 2)
f = float(F)
p = (df2 / (df2 + df1 * f)) ** (df2 / 2)
print("F =", repr(f))
print("p =", repr(p))
