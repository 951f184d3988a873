"use client";
// Runs the sandbox in a Web Worker. Only one job runs at a time; while it runs, newer requests
// replace one another, so a dragged slider computes the latest position, never a backlog.
import { wrap, type Remote } from "comlink";
import { useCallback, useEffect, useRef, useState } from "react";
import type { SandboxResult } from "@/lib/conformal/sandbox";
import type { SandboxParamsInput } from "@/lib/conformal/schema";
import type { ConformalWorkerApi } from "./conformal.worker";

export type WorkerState = { result: SandboxResult | null; error: string | null; computing: boolean; lastMs: number | null };

export function useConformalWorker(): WorkerState & { request: (params: SandboxParamsInput) => void } {
  const apiRef = useRef<Remote<ConformalWorkerApi> | null>(null);
  const busyRef = useRef(false);
  const pendingRef = useRef<SandboxParamsInput | null>(null);
  const latestRef = useRef<SandboxParamsInput | null>(null);
  const [state, setState] = useState<WorkerState>({ result: null, error: null, computing: true, lastMs: null });

  const pump = useCallback(async () => {
    const api = apiRef.current;
    if (!api || busyRef.current) return;
    const params = pendingRef.current;
    if (!params) return;
    pendingRef.current = null;
    busyRef.current = true;
    setState((s) => ({ ...s, computing: true }));
    const started = performance.now();
    try {
      const result = await api.run(params);
      // A newer request is waiting: this result is stale, so skip drawing it.
      if (!pendingRef.current) setState({ result, error: null, computing: false, lastMs: performance.now() - started });
    } catch (error) {
      if (!pendingRef.current) setState((s) => ({ ...s, error: messageOf(error), computing: false }));
    } finally {
      busyRef.current = false;
      if (pendingRef.current) void pump();
    }
  }, []);

  useEffect(() => {
    const worker = new Worker(new URL("./conformal.worker.ts", import.meta.url), { type: "module" });
    apiRef.current = wrap<ConformalWorkerApi>(worker);
    // A job lost with a previous worker (React remounts in development) is asked for again.
    pendingRef.current ??= latestRef.current;
    void pump();
    return () => {
      apiRef.current = null;
      busyRef.current = false;
      worker.terminate();
    };
  }, [pump]);

  const request = useCallback(
    (params: SandboxParamsInput) => {
      pendingRef.current = params;
      latestRef.current = params;
      void pump();
    },
    [pump],
  );

  return { ...state, request };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
