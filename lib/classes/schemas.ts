// Request bodies of the class routes, shared with the forms so both report the same field errors.
import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";
import { SLUG_PATTERN } from "@/lib/content/schemas";
import { isCalendarDate, isTimeZone } from "./dates";

const name = z.string().trim().min(1, "Give the class a name.").max(120, "A class name is at most 120 characters.");
const timeZone = z.string().max(64).refine(isTimeZone, "Choose a time zone from the list, such as Europe/London.");
const calendarDate = z
  .string()
  .max(10)
  .refine(isCalendarDate, "Enter a date as YYYY-MM-DD.")
  .nullable();

const datesInOrder = (value: { startsOn?: string | null; endsOn?: string | null }) =>
  !value.startsOn || !value.endsOn || value.startsOn <= value.endsOn;
const ORDER_MESSAGE = { message: "The class cannot end before it starts.", path: ["endsOn"] };

export const createClassSchema = z
  .object({
    name,
    courseSlug: z.string().max(100).regex(SLUG_PATTERN, "Choose a course."),
    timeZone,
    startsOn: calendarDate.default(null),
    endsOn: calendarDate.default(null),
  })
  .refine(datesInOrder, ORDER_MESSAGE);
export type CreateClassInput = z.infer<typeof createClassSchema>;

export const updateClassSchema = z
  .object({
    name: name.optional(),
    timeZone: timeZone.optional(),
    startsOn: calendarDate.optional(),
    endsOn: calendarDate.optional(),
    archived: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "Nothing to change.")
  .refine(datesInOrder, ORDER_MESSAGE);
export type UpdateClassInput = z.infer<typeof updateClassSchema>;

/** Wall-clock times in the class's time zone, as <input type="datetime-local"> gives them; null clears one. */
export const dueDatesSchema = z.object({
  dueDates: z
    .array(
      z.object({
        lessonSlug: z.string().max(100).regex(SLUG_PATTERN, "Unknown lesson."),
        dueAt: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter a date and time.")
          .nullable(),
      }),
    )
    .max(200),
});
export type DueDatesInput = z.infer<typeof dueDatesSchema>;

export const joinCodeActionSchema = z.object({ action: z.enum(["regenerate", "disable", "enable"]) });

export const addInstructorSchema = z.object({ email: emailSchema });

export const memberStatusSchema = z.object({ status: z.enum(["removed", "active"]) });

export const joinClassSchema = z.object({ code: z.string().trim().min(1, "Enter the code your instructor gave you.").max(40, "That is not a class code.") });
