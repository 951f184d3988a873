import type { Metadata } from "next";
import { JoinClassForm } from "@/components/classes/join-class-form";
import { StudentClassCard } from "@/components/classes/student-class-card";
import { requirePageUser } from "@/lib/auth/session";
import { myClasses } from "@/lib/classes/student-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your classes" };

type Props = { searchParams: Promise<{ joined?: string }> };

export default async function ClassesPage({ searchParams }: Props) {
  const user = await requirePageUser("student", "/classes");
  const { joined } = await searchParams;
  const classes = await myClasses(user);
  const justJoined = classes.find((cls) => cls.id === joined);
  const current = classes.filter((cls) => !cls.archived);
  const past = classes.filter((cls) => cls.archived);
  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">Your classes</h1>
        {justJoined && (
          <p role="status" className="rounded-lg bg-green-50 p-3 text-green-900 dark:bg-green-950 dark:text-green-100" data-testid="joined">
            You joined {justJoined.name}.
          </p>
        )}
        <p className="text-zinc-700 dark:text-zinc-300">Joining a class with the code your instructor gave you adds its due dates to the course and lets them follow your progress.</p>
        <JoinClassForm />
      </header>
      {current.length === 0 && past.length === 0 && <p>You are not in any class yet.</p>}
      {current.map((cls) => (
        <StudentClassCard key={cls.id} cls={cls} highlight={cls.id === joined} />
      ))}
      {past.length > 0 && (
        <section aria-labelledby="past-heading" className="space-y-4">
          <h2 id="past-heading" className="text-2xl font-semibold">
            Past classes
          </h2>
          {past.map((cls) => (
            <StudentClassCard key={cls.id} cls={cls} highlight={false} level={3} />
          ))}
        </section>
      )}
    </div>
  );
}
