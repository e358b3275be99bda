// The gamma distribution (scale 1): its log-gamma function, regularized lower
// incomplete gamma function P(a, x) and quantile function. The exact Poisson
// interval of a count x (poisson.ts) is a pair of its quantiles:
// qchisq(α/2, 2x)/2 = gammaQuantile(α/2, x) and
// qchisq(1 − α/2, 2x + 2)/2 = gammaQuantile(1 − α/2, x + 1).
//
// Log-gamma by Lanczos' approximation (g = 7, nine coefficients: about 15
// significant digits); P(a, x) by its series below x = a + 1 and by Lentz's
// continued fraction above it (Press et al., Numerical Recipes, 3rd ed.,
// §6.2); the quantile by bisection on P to about the last digit of a double.
//
// Pure functions on plain numbers: imported by browser pages and by Node tools alike.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const EPS = 1e-16;
const TINY = 1e-300;

/** The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), a > 0, x ≥ 0: the gamma(a) distribution's CDF at x. */
export function gammaP(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    // Series: P = e^−x x^a / Γ(a + 1) · Σ x^n / ((a + 1)…(a + n)).
    let ap = a;
    let sum = 1 / a;
    let del = sum;
    for (let n = 0; n < 10000; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) break;
    }
    return Math.min(1, sum * front);
  }
  // Continued fraction for Q = 1 − P (modified Lentz).
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.max(0, 1 - front * h);
}

/** The p-quantile of the gamma distribution with shape a and scale 1: the x with P(a, x) = p. 0 at p = 0 (and for a = 0, a point mass at 0). */
export function gammaQuantile(p: number, a: number): number {
  if (!(p >= 0 && p <= 1) || !(a >= 0)) return Number.NaN;
  if (p === 0 || a === 0) return 0;
  if (p === 1) return Infinity;
  let lo = 0;
  let hi = Math.max(1, a);
  while (gammaP(a, hi) < p) {
    lo = hi;
    hi *= 2;
  }
  // Bisection to about the last digit of a double.
  for (let i = 0; i < 2000 && hi - lo > 1e-16 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (gammaP(a, mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
