// A labelled form field whose error is tied to the input (aria-describedby), so it is read out with it.
type FieldProps = React.InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string };

export function Field({ label, name, error, ...input }: FieldProps) {
  const errorId = `${name}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-zinc-900 focus:border-accent-600 focus:ring-2 focus:ring-accent-600/30 focus:outline-none dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100"
        {...input}
      />
      {error && (
        <p id={errorId} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

export const buttonClass =
  "inline-flex items-center justify-center rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700 disabled:opacity-60";
