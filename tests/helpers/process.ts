/** Runs the built service as a child process, the way a user would, and collects what it printed. */
import { spawn } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../../src/paths.ts";

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/src/<script>` with `env` added; kills it after `timeoutMs`. */
export function runService(script: string, env: Record<string, string>, timeoutMs = 30_000): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, "dist", "src", script)], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "", stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
