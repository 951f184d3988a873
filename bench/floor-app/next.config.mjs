// Same framework settings as the app's next.config.mjs that change what the browser loads; no headers.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

const config = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: { authInterrupts: true },
  turbopack: { root: path.resolve(here, "../..") },
};

export default config;
