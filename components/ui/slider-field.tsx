"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { clamp } from "@/lib/figures/limits";

export interface SliderFieldProps {
  /** Visible label; names both the slider and its number box. */
  label: string;
  value: number;
  min: number;
  max: number;
  /** Step for the linear scale (ignored on the log scale, which moves in 1/100ths of a decade). */
  step?: number;
  /** "log" spaces the slider evenly in log10(value); min must then be > 0. */
  scale?: "linear" | "log";
  onValueChange: (value: number) => void;
  /** How the value is read aloud and shown beside the label, e.g. (v) => `${v}%`. */
  formatValue?: (value: number) => string;
  /** A short hint under the label, linked to both inputs by aria-describedby. */
  description?: string;
  /** Prefix for data-testid: `${testId}-slider` and `${testId}-number`. */
  testId?: string;
}

const LOG_STEP = 0.01;

function decimalsOf(step: number): number {
  const text = String(step);
  return text.includes(".") ? text.length - text.indexOf(".") - 1 : 0;
}

function toSignificant(value: number, digits: number): number {
  return Number(value.toPrecision(digits));
}

/**
 * A labelled range slider paired with a number box, for figures and sandboxes. The slider is for
 * quick exploration; the number box is for exact values and for anyone who cannot drag.
 */
export function SliderField({
  label,
  value,
  min,
  max,
  step = 1,
  scale = "linear",
  onValueChange,
  formatValue = String,
  description,
  testId,
}: SliderFieldProps) {
  const id = useId();
  const sliderId = `${id}-slider`;
  const numberId = `${id}-number`;
  const labelId = `${id}-label`;
  const descriptionId = description ? `${id}-description` : undefined;
  // While the learner types, the box shows their draft; it is committed when it parses and is in range.
  const [draft, setDraft] = useState<string | null>(null);

  const isLog = scale === "log";
  const inRange = (v: number) => clamp(v, min, max);
  const tidy = (v: number) => (isLog ? toSignificant(v, 3) : Number(v.toFixed(decimalsOf(step))));
  const sliderPosition = isLog ? Math.log10(value) : value;

  const commitDraft = (text: string) => {
    const parsed = Number.parseFloat(text);
    if (Number.isFinite(parsed)) onValueChange(tidy(inRange(parsed)));
    setDraft(null);
  };

  const onNumberKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") commitDraft(event.currentTarget.value);
    if (event.key === "Escape") setDraft(null);
  };

  return (
    <div className="flex flex-col gap-1.5">
      <label id={labelId} htmlFor={sliderId} className="text-sm font-medium text-slate-800 dark:text-slate-100">
        {label}
      </label>
      <div className="flex items-center gap-3">
        <input
          id={sliderId}
          type="range"
          min={isLog ? Math.log10(min) : min}
          max={isLog ? Math.log10(max) : max}
          step={isLog ? LOG_STEP : step}
          value={sliderPosition}
          aria-valuetext={formatValue(value)}
          aria-describedby={descriptionId}
          data-testid={testId ? `${testId}-slider` : undefined}
          onChange={(event) => {
            const position = Number(event.currentTarget.value);
            onValueChange(tidy(inRange(isLog ? 10 ** position : position)));
          }}
          className="h-11 min-w-0 flex-1 cursor-pointer accent-sky-700 dark:accent-sky-400"
        />
        <input
          id={numberId}
          type="number"
          inputMode="decimal"
          min={min}
          max={max}
          step={isLog ? "any" : step}
          value={draft ?? String(value)}
          aria-labelledby={labelId}
          aria-describedby={descriptionId}
          data-testid={testId ? `${testId}-number` : undefined}
          onFocus={(event) => setDraft(event.currentTarget.value)}
          onChange={(event) => {
            const text = event.currentTarget.value;
            setDraft(text);
            const parsed = Number.parseFloat(text);
            if (Number.isFinite(parsed) && parsed >= min && parsed <= max) onValueChange(parsed);
          }}
          onBlur={(event) => commitDraft(event.currentTarget.value)}
          onKeyDown={onNumberKeyDown}
          className="h-11 w-24 rounded-md border border-slate-300 bg-white px-2 text-right text-sm tabular-nums text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:focus-visible:outline-sky-400"
        />
      </div>
      {description ? (
        <p id={descriptionId} className="text-xs text-slate-600 dark:text-slate-300">
          {description}
        </p>
      ) : null}
    </div>
  );
}
