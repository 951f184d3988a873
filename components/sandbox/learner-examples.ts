// Worked examples for the property editor. Each returns V for one query: the band of total width
// s = λ⁻ + λ⁺ is rejected on that query when V > s.

export type LearnerExample = { id: string; title: string; explanation: string; code: string; upperShare?: number };

export const learnerExamples: LearnerExample[] = [
  {
    id: "floor",
    title: "Non-negativity (above a floor)",
    explanation:
      "Some g ≥ floor fits in the band at x exactly when f(x) + λ⁺ ≥ floor. With floor = 0 this is non-negativity; the example uses 0.3 so that the demo model breaks it near x = 0. Only λ⁺ helps, so loading it puts all of ŝ above f (split 100%).",
    code: "(f, x) => {\n  const floor = 0.3;\n  return floor - f(x);\n}",
    upperShare: 1,
  },
  {
    id: "lipschitz",
    title: "Lipschitz bound L = 1.5",
    explanation:
      "Pick a random partner x′. Some g with |g(x) − g(x′)| ≤ L|x − x′| fits in the band at both points exactly when |f(x) − f(x′)| − L|x − x′| ≤ λ⁻ + λ⁺.",
    code: "(f, x, rng) => {\n  const L = 1.5;\n  const partner = rng();\n  return Math.abs(f(x) - f(partner)) - L * Math.abs(x - partner);\n}",
  },
  {
    id: "increasing",
    title: "Increasing, written by hand",
    explanation: "The built-in monotonicity tester, as a learner would write it: V is how far f falls along a random pair.",
    code: "(f, x, rng) => {\n  const partner = rng();\n  return Math.sign(partner - x) * (f(x) - f(partner));\n}",
  },
];

export const infiniteLoopExample = "(f, x) => {\n  while (true) {}\n}";
