// A throw-away PostgreSQL cluster on 127.0.0.1 and a free port, in a temporary directory.
// As root, the cluster runs as the `postgres` user (PostgreSQL refuses to run as root).
// CLI: node scripts/pg-temp.mjs <command...>   runs the command with DATABASE_URL set, then stops the cluster.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, chmodSync, rmSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export function findPostgresBin() {
  const candidates = ["/usr/lib/postgresql"].filter(existsSync).flatMap((root) =>
    readdirSync(root)
      .sort((a, b) => Number(b) - Number(a))
      .map((version) => path.join(root, version, "bin")),
  );
  return candidates.find((dir) => existsSync(path.join(dir, "initdb"))) ?? null;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function asPostgresUser(command, args) {
  const isRoot = process.getuid?.() === 0;
  return isRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

export async function startTempPostgres() {
  const bin = findPostgresBin();
  if (!bin) throw new Error("PostgreSQL server binaries not found: install them with `apt-get install -y postgresql`");
  const dir = mkdtempSync(path.join(tmpdir(), "af-pg-"));
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  const run = (command, args) => {
    const [cmd, argv] = asPostgresUser(path.join(bin, command), args);
    execFileSync(cmd, argv, { stdio: ["ignore", "ignore", "inherit"] });
  };
  run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
  run("pg_ctl", [
    "-D", dataDir, "-l", path.join(dir, "log"), "-w", "start",
    "-o", `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`,
  ]);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const stop = () => {
    try {
      run("pg_ctl", ["-D", dataDir, "-m", "immediate", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url, port, stop };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error("usage: node scripts/pg-temp.mjs <command...>");
    process.exit(2);
  }
  const pg = await startTempPostgres();
  console.log(`pg-temp: PostgreSQL on ${pg.url}`);
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: pg.url } });
  const code = await new Promise((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  pg.stop();
  process.exit(code);
}
