import type { Metadata } from "next";
import { ArchivePanel } from "@/components/classes/archive-panel";
import { ClassDetailsForm } from "@/components/classes/class-details-form";
import { ClassHeader } from "@/components/classes/class-header";
import { CoInstructors } from "@/components/classes/co-instructors";
import { DueDatesForm } from "@/components/classes/due-dates-form";
import { timeZoneList } from "@/components/classes/time-zones";
import { dueDateInputs } from "@/lib/classes/class-store";
import { canManage } from "@/lib/classes/permissions";
import { requireTaughtClassPage } from "@/lib/classes/page-access";
import { getCourse } from "@/lib/course/catalog";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Class settings" };

type Props = { params: Promise<{ classId: string }> };

export default async function ClassSettingsPage({ params }: Props) {
  const { classId } = await params;
  const { taught } = await requireTaughtClassPage(classId, `/studio/classes/${encodeURIComponent(classId)}/settings`);
  const { record } = taught;
  const [course, dueBySlug] = await Promise.all([getCourse(record.courseSlug), dueDateInputs(record)]);
  const readOnly = record.archivedAt !== null;
  const manager = canManage(taught.role);
  return (
    <div className="space-y-10">
      <ClassHeader record={record} courseTitle={course?.manifest.title ?? record.courseSlug} current="settings" />
      <ClassDetailsForm
        classId={record.id}
        name={record.name}
        timeZone={record.timeZone}
        startsOn={record.startsOn}
        endsOn={record.endsOn}
        timeZones={timeZoneList()}
        readOnly={readOnly}
      />
      <DueDatesForm
        classId={record.id}
        timeZone={record.timeZone}
        readOnly={readOnly}
        lessons={(course?.lessons ?? []).map((lesson) => ({ slug: lesson.slug, title: lesson.title, hasQuiz: lesson.quizIds.length > 0, dueAt: dueBySlug.get(lesson.slug) ?? "" }))}
      />
      <CoInstructors classId={record.id} instructors={taught.instructors} canManage={manager} readOnly={readOnly} />
      <ArchivePanel classId={record.id} archived={readOnly} canManage={manager} />
    </div>
  );
}
