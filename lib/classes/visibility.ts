import "server-only";
// Course-wide views (quiz analytics, the course grades CSV) show an instructor the learners of the whole
// course, but not the students of someone else's class: an instructor of one class sees nothing of another's
// students. Hidden: anyone in a class the caller does not teach, unless they are also in one the caller
// teaches. Learners in no class stay visible, as before classes existed. Admins see everyone.
import type { SessionUser } from "@/lib/auth/accounts";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";

export async function learnersHiddenFrom(user: SessionUser): Promise<string[]> {
  if (hasRole(user.role, "admin")) return [];
  const taughtByCaller = { instructors: { some: { userId: user.id } } };
  const rows = await db().classMember.findMany({
    where: {
      removedAt: null,
      class: { instructors: { none: { userId: user.id } } },
      user: { classes: { none: { removedAt: null, class: taughtByCaller } } },
    },
    select: { userId: true },
    distinct: ["userId"],
  });
  return rows.map((row) => row.userId);
}
