import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { Suspense } from "react";
import { ConformalSandbox } from "@/components/sandbox/conformal-sandbox";

export const metadata: Metadata = {
  title: "Conformal property alignment sandbox",
  description: "Post-process a model that breaks a property with conformal risk control, and check the guarantee yourself.",
};

export default function ConformalSandboxPage() {
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">Conformal property alignment</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          A pre-trained model f should be, say, increasing, but it is not. Instead of retraining, we widen its predictions into a band [f − λ⁻, f +
          λ⁺] and choose the width ŝ = λ⁻ + λ⁺ by conformal risk control, so that a property tester rejects the band at most at rate α. Then, with
          high probability, some function with the property lies inside the band on all but an ε share of the data (Overman, Vallon and Bayati,{" "}
          <cite>Aligning Model Properties via Conformal Risk Control</cite>, NeurIPS 2024). Move the controls; the link in the address bar
          reproduces what you see.
        </p>
      </header>
      {/* The URL is read only in the browser, so the prerendered page shows the default sandbox as the
          fallback: the same layout, server-rendered, which the URL-synced one replaces without a shift. */}
      <Suspense fallback={<ConformalSandbox />}>
        <NuqsAdapter>
          <ConformalSandbox syncUrl />
        </NuqsAdapter>
      </Suspense>
    </div>
  );
}
