// Small pieces the class forms share: a status line read out to screen readers, and select/date inputs
// labelled like components/ui/field.tsx.
export const inputClass =
  "w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-zinc-900 focus:border-accent-600 focus:ring-2 focus:ring-accent-600/30 focus:outline-none dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100";
export const secondaryButtonClass =
  "inline-flex items-center justify-center rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-600 dark:hover:bg-zinc-800";
export const dangerButtonClass =
  "inline-flex items-center justify-center rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60 dark:border-red-400 dark:text-red-300 dark:hover:bg-red-950";

export function StatusLine({ id, message, error }: { id?: string; message?: string; error?: string }) {
  return (
    <p id={id} role="status" aria-live="polite" className={`min-h-5 text-sm ${error ? "text-red-700 dark:text-red-400" : "text-zinc-700 dark:text-zinc-300"}`}>
      {error || message}
    </p>
  );
}

type SelectProps = React.SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; error?: string; options: Array<{ value: string; label: string }> };

export function SelectField({ label, name, error, options, ...select }: SelectProps) {
  const errorId = `${name}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <select id={name} name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} className={inputClass} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
