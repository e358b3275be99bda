// The shape every interval function here returns.

/** A two-sided confidence interval on the scale of the value it belongs to. */
export interface Interval {
  lower: number;
  upper: number;
}
