import type { Metadata } from "next";
import { RoleSelect } from "@/components/admin/role-select";
import { requirePageUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/auth/user-admin";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  await requirePageUser("admin", "/admin/users");
  const users = await listUsers();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Users and roles</h1>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-zinc-300 dark:border-zinc-700">
            <tr>
              <th scope="col" className="py-2 pr-4">Name</th>
              <th scope="col" className="py-2 pr-4">Email</th>
              <th scope="col" className="py-2 pr-4">Joined</th>
              <th scope="col" className="py-2">Role</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-b border-zinc-200 dark:border-zinc-800">
                <td className="py-2 pr-4">{user.name}</td>
                <td className="py-2 pr-4">{user.email}</td>
                <td className="py-2 pr-4">{user.createdAt.toISOString().slice(0, 10)}</td>
                <td className="py-2">
                  <RoleSelect userId={user.id} email={user.email} role={user.role} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
