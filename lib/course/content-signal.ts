import "server-only";
// "The course changed": every studio write that changes what readers see (publish, hide, show, withdraw
// to the file, rename, reorder) calls this after its write. It bumps the counter every instance polls
// (lib/server/content-version.ts), so pages rendered before the change stop being served everywhere within
// about a second, and tells this process at once, so the writer's own next request already shows it.
import { db } from "@/lib/db/client";
import { installedWatcher } from "@/lib/server/content-version";

export async function signalContentChanged(): Promise<void> {
  await db().$executeRaw`
    INSERT INTO "ContentVersion" ("id", "version") VALUES (1, 1)
    ON CONFLICT ("id") DO UPDATE SET "version" = "ContentVersion"."version" + 1`;
  installedWatcher()?.noteLocalChange();
}
