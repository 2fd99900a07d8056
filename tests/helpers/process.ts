/** Runs the built service as a child process, the way a user would, and collects what it printed. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../../src/paths.ts";

/**
 * A compiled script of the build this test belongs to (`dist/` under `npm test`, another output
 * folder when a test was compiled there), e.g. builtScript("src", "main.js"): the service a test
 * runs is the code it was compiled with. The shared assets (IDE bundle, PGlite base) stay in dist/.
 */
export function builtScript(...parts: string[]): string {
  const build = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  return path.join(build, ...parts);
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningService {
  child: ChildProcess;
  /** Resolves with the stdout line announcing the endpoint. */
  ready: Promise<string>;
  exited: Promise<Exit>;
  /** What it has printed so far. */
  output(): { stdout: string; stderr: string };
}

/** Starts `node dist/src/<script>` with `env` added; it is killed after `timeoutMs`. */
export function startService(script: string, env: Record<string, string>, timeoutMs = 30_000, args: string[] = []): RunningService {
  const child = spawn(process.execPath, [builtScript("src", script), ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "", stderr = "";
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      stdout += d;
      const line = stdout.split("\n").find((l) => l.includes(" serving "));
      if (line) resolve(line);
    });
    child.once("exit", () => reject(new Error(`exited before serving:\n${stderr}`)));
  });
  ready.catch(() => undefined);
  child.stderr!.on("data", (d) => (stderr += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const exited = new Promise<Exit>((resolve) =>
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, ready, exited, output: () => ({ stdout, stderr }) };
}

/** Runs `node dist/src/<script>` to completion. */
export function runService(script: string, env: Record<string, string>, timeoutMs = 30_000, args: string[] = []): Promise<Exit> {
  return startService(script, env, timeoutMs, args).exited;
}
