"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, Field } from "@/components/ui/field";
import { useBrowserValue } from "@/components/ui/use-browser-value";
import { sendJson } from "./class-api";
import { SelectField, StatusLine } from "./form-parts";
import { browserTimeZone, zoneOptions } from "./time-zones";

type Props = { courses: Array<{ slug: string; title: string }>; timeZones: string[] };

export function NewClassForm({ courses, timeZones }: Props) {
  const router = useRouter();
  const [chosenZone, setTimeZone] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  // The server renders UTC; the instructor's own zone is the better default once the browser knows it.
  const browserZone = useBrowserValue(browserTimeZone, "UTC");
  const timeZone = chosenZone ?? (timeZones.includes(browserZone) ? browserZone : "UTC");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    setPending(true);
    const result = await sendJson<{ id: string }>("POST", "/api/classes", {
      name: form.name,
      courseSlug: form.courseSlug,
      timeZone: form.timeZone,
      startsOn: form.startsOn || null,
      endsOn: form.endsOn || null,
    });
    setPending(false);
    if (!result.ok) return setErrors({ ...result.fields, form: result.error });
    router.push(`/studio/classes/${result.data.id}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 rounded-lg border border-zinc-200 p-4 sm:grid-cols-2 dark:border-zinc-800" aria-labelledby="new-class-heading">
      <h2 id="new-class-heading" className="text-lg font-semibold sm:col-span-2">
        New class
      </h2>
      <Field label="Name" name="name" required maxLength={120} placeholder="e.g. Alignment reading group, spring term" error={errors.name} />
      <SelectField label="Course" name="courseSlug" options={courses.map((course) => ({ value: course.slug, label: course.title }))} error={errors.courseSlug} />
      <SelectField
        label="Time zone (due dates are set and shown in it)"
        name="timeZone"
        value={timeZone}
        onChange={(event) => setTimeZone(event.target.value)}
        options={zoneOptions(timeZones, timeZone)}
        error={errors.timeZone}
      />
      <div className="grid grid-cols-2 gap-3">
        <Field label="Starts (optional)" name="startsOn" type="date" error={errors.startsOn} />
        <Field label="Ends (optional)" name="endsOn" type="date" error={errors.endsOn} />
      </div>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Creating…" : "Create class"}
        </button>
        <StatusLine error={errors.form} />
      </div>
    </form>
  );
}
