"use client";
import { ApiError, apiRequest } from "@/lib/http/api-client";
import { useState } from "react";
import { ROLES } from "@/lib/auth/roles";

export function RoleSelect({ userId, email, role }: { userId: string; email: string; role: string }) {
  const [value, setValue] = useState(role);
  const [message, setMessage] = useState("");

  async function change(next: string) {
    const previous = value;
    setValue(next);
    setMessage("Saving…");
    try {
      await apiRequest(`/api/admin/users/${encodeURIComponent(userId)}/role`, { method: "PATCH", body: { role: next } });
      setMessage("Saved");
    } catch (error) {
      setValue(previous);
      setMessage(error instanceof ApiError ? error.message : "Could not change the role.");
    }
  }

  return (
    <div className="flex items-center gap-2">
      <label className="sr-only" htmlFor={`role-${userId}`}>
        Role of {email}
      </label>
      <select
        id={`role-${userId}`}
        value={value}
        onChange={(event) => change(event.target.value)}
        className="rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900"
      >
        {ROLES.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
      <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
        {message}
      </span>
    </div>
  );
}
