// Small helpers for the start and test scripts: run a command, stream its output, fail loudly.
import { spawn } from "node:child_process";

export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal}`));
    });
  });
}

export const tsx = (script, args = [], options = {}) =>
  run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", script, ...args], options);

export const bin = (name) => `node_modules/.bin/${name}`;
