"use client";
// Development only: refreshes the page when the course recompiles, and shows compile errors
// (file:line:col) over the page while the last good version of the lesson stays readable.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

export function ContentRefresher() {
  const router = useRouter();
  const [errors, setErrors] = useState<string[]>([]);
  const lastBuild = useRef<string | null>(null);

  useEffect(() => {
    const events = new EventSource("/api/dev/content-events");
    events.onmessage = (event: MessageEvent<string>) => {
      const status = JSON.parse(event.data) as { builtAt?: string; errors: string[] };
      setErrors(status.errors);
      if (lastBuild.current !== null && status.builtAt !== lastBuild.current) router.refresh();
      lastBuild.current = status.builtAt ?? "";
    };
    return () => events.close();
  }, [router]);

  if (errors.length === 0) return null;
  return (
    <div role="alert" data-testid="content-errors" className="fixed inset-x-4 bottom-4 z-50 max-h-[40vh] overflow-auto rounded-lg border border-red-700 bg-red-50 p-4 font-mono text-sm text-red-900 shadow-lg dark:bg-red-950 dark:text-red-100">
      <p className="mb-2 font-sans font-semibold">This lesson has errors; showing the last version that compiled.</p>
      <ul className="space-y-1">
        {errors.map((error) => (
          <li key={error}>{error}</li>
        ))}
      </ul>
    </div>
  );
}
