export function Figure({ caption, alt, src, children }: { caption: string; alt?: string; src?: string; children?: React.ReactNode }) {
  return (
    <figure className="my-8">
      {src ? (
        // eslint-disable-next-line @next/next/no-img-element -- an author's static image of unknown size; next/image needs width and height
        <img src={src} alt={alt ?? ""} loading="lazy" className="mx-auto rounded-md" />
      ) : (
        <div className="overflow-x-auto">{children}</div>
      )}
      <figcaption className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{caption}</figcaption>
    </figure>
  );
}
