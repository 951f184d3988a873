// npm run user:role -- <email> <student|instructor|admin>
import { roleSchema } from "@/lib/auth/roles";
import { changeRole } from "@/lib/auth/user-admin";

const [email, role] = process.argv.slice(2);
const parsedRole = roleSchema.safeParse(role);
if (!email || !parsedRole.success) {
  console.error("usage: npm run user:role -- <email> <student|instructor|admin>");
  process.exit(2);
}
try {
  const user = await changeRole({ email }, parsedRole.data);
  console.log(`${user.email} is now ${user.role}`);
} catch (error) {
  console.error(`user:role: ${(error as Error).message}`);
  process.exit(1);
}
