import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { jsonError } from "@/lib/http/route";

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  // next-auth v4 parses a JSON body without catching, so a malformed one became a 500 (found by the fuzzer).
  if (request.method === "POST" && /json/i.test(request.headers.get("content-type") ?? "")) {
    try {
      JSON.parse(await request.clone().text());
    } catch {
      return jsonError(400, "Request body is not valid JSON.");
    }
  }
  // next-auth v4 reads params synchronously; Next 16 hands them over as a promise.
  return (await NextAuth(request as never, { params: await context.params } as never, authOptions())) as Response;
}

export { handler as GET, handler as POST };
