/**
 * Child processes for `npm run bench` and what /proc says about them: start a server and wait for its
 * "serving http://...:PORT" line, stop it, and read CPU ticks (utime + stime) and resident memory.
 */
import { execFileSync, spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Child {
  pid: number;
  /** http://127.0.0.1:PORT (loopback whatever name the server printed). */
  origin: string;
  stop(): Promise<void>;
}

/** Clock ticks per second for /proc CPU times (usually 100). */
export const CLK_TCK = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

/**
 * The Node flags `npm start` runs the service with (package.json is their one source), so the
 * benchmarks measure the service as it is deployed.
 */
export function serviceNodeFlags(): string[] {
  const start: string = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).scripts.start;
  return start.split(/\s+/).filter((word) => word.startsWith("--"));
}

/**
 * Spawns `node script` and resolves once it prints a loopback URL with a port; rejects if it exits first.
 * The child's stderr (the service's request log, a line per request) goes to a file, as a deployed
 * service's log would: read through a pipe, the runner (autocannon's process) spent its own CPU on
 * every line of ours while the floor logs nothing. The file is named in start-up errors.
 */
export function startChild(label: string, script: string, args: string[], env: Record<string, string>, nodeFlags: string[] = []): Promise<Child> {
  const logFile = path.join(mkdtempSync(path.join(tmpdir(), "themegraph-bench-")), `${label}.log`);
  const log = openSync(logFile, "w");
  const child = spawn(process.execPath, [...nodeFlags, script, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", log] });
  closeSync(log);
  const stdout = child.stdout!; // piped: the start-up line is read from it
  let output = "";
  const logTail = () => {
    const text = readFileSync(logFile, "utf8");
    return text.length ? `\n${text.slice(-2000)}\n(the whole log: ${logFile})` : "";
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
      child.once("exit", () => (clearTimeout(kill), resolve()));
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      void stop();
      reject(new Error(`${label} did not start within 60 s:\n${output.slice(-2000)}${logTail()}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /http:\/\/(?:localhost|127\.0\.0\.1):(\d+)/.exec(output)?.[1];
      if (port && child.pid) {
        clearTimeout(timeout);
        stdout.off("data", onData);
        stdout.resume();
        resolve({ pid: child.pid, origin: `http://127.0.0.1:${port}`, stop });
      }
    };
    stdout.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timeout);
      reject(new Error(`${label} exited (code ${code}) before serving:\n${output.slice(-2000)}${logTail()}`));
    });
  });
}

/** utime + stime of a process, in clock ticks; 0 once it is gone. */
export function cpuTicks(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/**
 * CPU ticks of the PostgreSQL backends serving `database` (their title reads "postgres: ... user
 * database host(port) ..."), by pid: other databases' load on the machine stays out.
 */
export function backendTicks(database: string): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (title.startsWith("postgres:") && title.includes(` ${database} `)) ticks.set(Number(pid), cpuTicks(pid));
    } catch {
      // the process ended between the listing and the read
    }
  }
  return ticks;
}

/** Ticks spent between two snapshots; a backend gone by the second one loses its share (never negative). */
export function ticksSince(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ticks] of after) sum += ticks - (before.get(pid) ?? 0);
  return sum;
}

/** Resident memory in MB (VmRSS), 0 once the process is gone. */
export function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return Number(kb ?? 0) / 1024;
  } catch {
    return 0;
  }
}
