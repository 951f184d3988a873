"use client";
import { SessionProvider } from "next-auth/react";
import { ProgressMerger } from "@/components/progress/progress-merger";

export function Providers({ children }: { children: React.ReactNode }) {
  return (
    <SessionProvider refetchOnWindowFocus={false}>
      <ProgressMerger />
      {children}
    </SessionProvider>
  );
}
