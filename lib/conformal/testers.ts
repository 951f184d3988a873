// The paper's property testers turned into CRC losses (Overman, Vallon, Bayati, NeurIPS 2024:
// Algorithms 1 and 2, Definition 6, amplification in §3.2). With the band
// F_λ(x) = [f(x) − λ⁻, f(x) + λ⁺] each query rejects exactly when a score V exceeds s = λ⁻ + λ⁺,
// so the loss is the step loss L_i(s) = 1{V_i > s} and ŝ comes from calibrateStepLosses (B = 1).

export type Point = readonly number[];
export type Model = (x: Point) => number;
export type Direction = "increasing" | "decreasing";
export type PropertySpec = { kind: Direction; feature: number } | { kind: "concave"; feature: number };

/** Query details kept for display: the counterfactual coordinate(s) used by each query. */
export type TesterScores = { scores: Float64Array; partners: Float64Array };

/**
 * Monotonicity tester (paper Algorithm 1). For X₁ = (x₁, x₋ₖ) draw x₂ from the feature-k pool, set
 * X₂ = (x₂, x₋ₖ), and score V = sign(x₂ − x₁)·(f(X₂) − f(X₁)) for "decreasing" (brief §2, derived),
 * the sign flipped for "increasing": V is how far f moves the wrong way along the pair.
 */
export function monotonicityScores(
  model: Model,
  points: readonly Point[],
  featurePool: ArrayLike<number>,
  direction: Direction,
  feature: number,
  random: () => number,
): TesterScores {
  const n = points.length;
  const scores = new Float64Array(n);
  const partners = new Float64Array(n);
  const orientation = direction === "decreasing" ? 1 : -1;
  for (let i = 0; i < n; i++) {
    const x1 = points[i]!;
    const partner = featurePool[Math.floor(random() * featurePool.length)]!;
    const x2 = withFeature(x1, feature, partner);
    const gap = partner - x1[feature]!;
    scores[i] = gap === 0 ? 0 : orientation * Math.sign(gap) * (model(x2) - model(x1));
    partners[i] = partner;
  }
  return { scores, partners };
}

/**
 * Concavity tester (paper Algorithm 2), in the consistent form. Around X_mid draw δ_left and δ_right
 * from the empirical differences |x_a[k] − x_b[k]| of the feature-k pool, and with
 * w = (X_right[k] − X_mid[k]) / (X_right[k] − X_left[k]) score
 * V = w·f(X_left) + (1 − w)·f(X_right) − f(X_mid): the amount by which f dips below its chord.
 * The printed rejection rule ("band entirely above the chord") refutes convexity, not concavity;
 * docs/conformal.md records the difference. A zero-width chord cannot be violated and scores 0.
 */
export function concavityScores(
  model: Model,
  points: readonly Point[],
  featurePool: ArrayLike<number>,
  feature: number,
  random: () => number,
): TesterScores {
  const n = points.length;
  const scores = new Float64Array(n);
  const partners = new Float64Array(n);
  const drawDifference = () => {
    const a = featurePool[Math.floor(random() * featurePool.length)]!;
    const b = featurePool[Math.floor(random() * featurePool.length)]!;
    return Math.abs(a - b);
  };
  for (let i = 0; i < n; i++) {
    const mid = points[i]!;
    const deltaLeft = drawDifference();
    const deltaRight = drawDifference();
    const width = deltaLeft + deltaRight;
    partners[i] = width;
    if (width === 0) continue;
    const center = mid[feature]!;
    const w = deltaRight / width;
    const chord = w * model(withFeature(mid, feature, center - deltaLeft)) + (1 - w) * model(withFeature(mid, feature, center + deltaRight));
    scores[i] = chord - model(mid);
  }
  return { scores, partners };
}

export function propertyScores(
  model: Model,
  points: readonly Point[],
  featurePool: ArrayLike<number>,
  property: PropertySpec,
  random: () => number,
): TesterScores {
  return property.kind === "concave"
    ? concavityScores(model, points, featurePool, property.feature, random)
    : monotonicityScores(model, points, featurePool, property.kind, property.feature, random);
}

/**
 * Amplification (paper §3.2): run the tester on k disjoint batches and reject if any run rejects.
 * A batch rejects at s exactly when its largest score exceeds s, so the amplified loss is the step
 * loss at the batch maximum; n′ = ⌊n/k⌋ losses remain and leftover points are dropped.
 */
export function amplifyScores(scores: ArrayLike<number>, batchSize: number): Float64Array {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("batch size must be a positive integer");
  const batches = Math.floor(scores.length / batchSize);
  const amplified = new Float64Array(batches);
  for (let j = 0; j < batches; j++) {
    let max = -Infinity;
    for (let r = 0; r < batchSize; r++) max = Math.max(max, scores[j * batchSize + r]!);
    amplified[j] = max;
  }
  return amplified;
}

function withFeature(point: Point, feature: number, value: number): number[] {
  const copy = point.slice();
  copy[feature] = value;
  return copy;
}
