// Number formats shared by the figures and the sandbox, so a readout, its table and its chart label
// print a value the same way. Negative numbers use a true minus sign (U+2212).

/** A fixed number of decimals: fixed(0.1234) = "0.12". */
export const fixed = (value: number, digits = 2): string => value.toFixed(digits);

/** Like fixed, with "−" for negatives: signed(-0.5) = "−0.50". */
export const signed = (value: number, digits = 2): string => (value < 0 ? `−${fixed(-value, digits)}` : fixed(value, digits));

/** A fraction as a percentage with fixed decimals: percent(0.1234, 1) = "12.3%". */
export const percent = (fraction: number, decimals = 0): string => `${(fraction * 100).toFixed(decimals)}%`;

/** A fraction as a percentage to significant figures, trailing zeros dropped: 0.001 → "0.1%", 0.05 → "5%". */
export const percentSignificant = (fraction: number, digits = 3): string => `${Number((fraction * 100).toPrecision(digits))}%`;

/** Significant figures for values spanning orders of magnitude, never in exponent notation above 10^(digits−1). */
export const significant = (value: number, digits = 3): string => (Math.abs(value) >= 10 ** (digits - 1) ? value.toFixed(0) : value.toPrecision(digits));

const grouping = new Intl.NumberFormat("en-GB");
/** A count with thousands separators: 5000 → "5,000". */
export const grouped = (value: number): string => grouping.format(value);
