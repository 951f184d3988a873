"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, Field } from "@/components/ui/field";
import { sendJson } from "./class-api";
import { SelectField, StatusLine } from "./form-parts";
import { zoneOptions } from "./time-zones";

type Props = { classId: string; name: string; timeZone: string; startsOn: string | null; endsOn: string | null; timeZones: string[]; readOnly: boolean };

export function ClassDetailsForm({ classId, name, timeZone, startsOn, endsOn, timeZones, readOnly }: Props) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    setPending(true);
    const result = await sendJson("PATCH", `/api/classes/${classId}`, {
      name: form.name,
      timeZone: form.timeZone,
      startsOn: form.startsOn || null,
      endsOn: form.endsOn || null,
    });
    setPending(false);
    if (!result.ok) return setErrors({ ...result.fields, form: result.error });
    setErrors({});
    setMessage("Saved.");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="details-heading" className="space-y-4">
      <h2 id="details-heading" className="text-xl font-semibold">
        Class details
      </h2>
      <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" defaultValue={name} maxLength={120} required error={errors.name} />
        <SelectField label="Time zone" name="timeZone" defaultValue={timeZone} options={zoneOptions(timeZones, timeZone)} error={errors.timeZone} />
        <Field label="Starts (optional)" name="startsOn" type="date" defaultValue={startsOn ?? ""} error={errors.startsOn} />
        <Field label="Ends (optional)" name="endsOn" type="date" defaultValue={endsOn ?? ""} error={errors.endsOn} />
      </fieldset>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">Due dates are moments in time: after a change of time zone they stay the same moments, shown in the new zone.</p>
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending || readOnly}>
          Save details
        </button>
        <StatusLine message={message} error={errors.form} />
      </div>
    </form>
  );
}
