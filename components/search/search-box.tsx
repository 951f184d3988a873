"use client";
import Link from "next/link";
import type MiniSearch from "minisearch";
import { useEffect, useMemo, useState } from "react";
import { loadSearchIndex, searchResultHref, type SearchDocument, type SearchResultFields } from "@/lib/content/search-index";

export function SearchBox() {
  const [index, setIndex] = useState<MiniSearch<SearchDocument> | null>(null);
  const [query, setQuery] = useState("");
  const [error, setError] = useState("");

  useEffect(() => {
    fetch("/search-index.json")
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
      .then((json) => setIndex(loadSearchIndex(json)))
      .catch(() => setError("The search index could not be loaded."));
  }, []);

  const results = useMemo(
    () => (index && query.trim().length > 1 ? (index.search(query) as unknown as (SearchResultFields & { id: string })[]).slice(0, 20) : []),
    [index, query],
  );

  return (
    <div className="space-y-4">
      <label htmlFor="search" className="block font-medium">
        Search lessons
      </label>
      <input
        id="search"
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="e.g. Goodhart, conformal, Bradley–Terry"
        className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-600 dark:bg-zinc-900"
      />
      {error && <p role="alert">{error}</p>}
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {query.trim().length > 1 ? `${results.length} result${results.length === 1 ? "" : "s"}` : index ? "" : "Loading the index…"}
      </p>
      <ul className="space-y-3" data-testid="search-results">
        {results.map((result) => (
          <li key={result.id} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
            {/* Each hit is a section: the link lands on its heading. */}
            <Link href={searchResultHref(result)} className="font-semibold hover:underline">
              {result.lessonTitle}
              {result.heading && <span className="font-normal text-zinc-600 dark:text-zinc-400"> › {result.heading}</span>}
            </Link>
            <p className="text-sm text-zinc-700 dark:text-zinc-300">{result.excerpt}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
