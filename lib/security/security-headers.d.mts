export function pageCsp(options?: { dev?: boolean }): string;
export function workerCsp(): string;
export const RUNNER_PATH: string;
export function runnerCsp(scriptHash: string): string;
export function securityHeaders(options?: { dev?: boolean }): { source: string; headers: { key: string; value: string }[] }[];
