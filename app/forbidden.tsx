import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md space-y-3 py-16 text-center">
      <h1 className="text-2xl font-semibold">403: not allowed</h1>
      <p>Your account does not have permission to open this page.</p>
      <Link href="/" className="underline">
        Back to the course
      </Link>
    </div>
  );
}
