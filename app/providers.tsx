"use client";
import { ProgressMerger } from "@/components/progress/progress-merger";

// The session is read through components/auth/use-session.ts (one shared request), not a context provider.
export function Providers({ children }: { children: React.ReactNode }) {
  return (
    <>
      <ProgressMerger />
      {children}
    </>
  );
}
