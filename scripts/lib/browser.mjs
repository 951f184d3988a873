// Finds a Chromium for Playwright: Debian's /usr/bin/chromium, else Playwright's own, else installs one
// (Debian's package when running as root with apt, Playwright's download otherwise), else one clear line.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

async function playwrightChromium() {
  try {
    const { chromium } = await import("playwright-core");
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export async function ensureBrowser() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const bundled = await playwrightChromium();
  if (bundled) return bundled;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("test: installing Debian's chromium (apt-get)…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  try {
    execFileSync("node_modules/.bin/playwright", ["install", "chromium"], { stdio: "inherit" });
    const downloaded = await playwrightChromium();
    if (downloaded) return downloaded;
  } catch {
    // fall through to the message below
  }
  throw new Error(
    "No Chromium found: install one with `sudo apt-get install -y chromium` (or `npx playwright install chromium` where the network allows).",
  );
}
