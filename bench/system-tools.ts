// The bench's outside programs: nginx (the baseline a user would pick to serve the same bytes) and wrk
// (the load generator). Both come from Debian. When one is missing the bench installs it with apt-get,
// as .ci/run does for chromium, or says plainly what to install.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

function which(command: string): string | null {
  try {
    return execFileSync("sh", ["-c", `command -v ${command}`]).toString().trim() || null;
  } catch {
    return null;
  }
}

let aptUpdated = false;

/** apt-get install, only as root on a Debian-like machine; false when that is not possible or fails. */
function aptInstall(packages: string[]): boolean {
  if (process.getuid?.() !== 0 || !which("apt-get")) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    if (!aptUpdated) {
      execFileSync("apt-get", ["update", "-qq"], { env, stdio: "ignore" });
      aptUpdated = true;
    }
    execFileSync("apt-get", ["install", "-y", "-qq", ...packages], { env, stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const NGINX = "/usr/sbin/nginx";
const BROTLI_STATIC_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/** nginx's binary, installing Debian's nginx when missing. Throws with the command to run otherwise. */
export function ensureNginx(): string {
  if (existsSync(NGINX)) return NGINX;
  process.stdout.write("bench: installing Debian's nginx\n");
  if (aptInstall(["nginx"]) && existsSync(NGINX)) return NGINX;
  throw new Error("nginx is not installed and could not be installed here: run `apt-get install nginx` (as root) and try again");
}

/** Debian's brotli_static module for nginx, installed when missing; null when it cannot be had. */
export function ensureBrotliStatic(): string | null {
  if (existsSync(BROTLI_STATIC_MODULE)) return BROTLI_STATIC_MODULE;
  process.stdout.write("bench: installing Debian's libnginx-mod-http-brotli-static\n");
  return aptInstall(["libnginx-mod-http-brotli-static"]) && existsSync(BROTLI_STATIC_MODULE) ? BROTLI_STATIC_MODULE : null;
}

/** wrk's binary, installing Debian's wrk when missing; null when it cannot be had. */
export function ensureWrk(): string | null {
  const found = which("wrk");
  if (found) return found;
  process.stdout.write("bench: installing Debian's wrk\n");
  return aptInstall(["wrk"]) ? which("wrk") : null;
}
