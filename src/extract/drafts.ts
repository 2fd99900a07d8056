/**
 * Drafts run in a worker thread (draft-worker.ts), one at a time, each within a time limit: the
 * service keeps answering while a draft runs, and a draft that runs too long is stopped (its worker
 * terminated; the next draft starts a fresh one) instead of holding the CPU. The worker starts on
 * the first draft: the NLP library costs ~60 MB that a service nobody drafts on never needs.
 */
import { Worker } from "node:worker_threads";
import type { Gazetteer } from "./gazetteer.ts";

export interface DraftRequest {
  id: number;
  text: string;
  publishedOn?: string;
  gazetteer: Gazetteer;
}

/** The YAML; or why the input cannot be drafted (no publication day...); or the worker's error. */
export type DraftReply = { id: number; yaml: string } | { id: number; refused: string } | { id: number; failed: string };

export type DraftOutcome = { yaml: string } | { refused: string } | { timedOut: number };

interface Pending {
  request: DraftRequest;
  resolve(outcome: DraftOutcome): void;
  reject(error: Error): void;
}

export class Drafts {
  private worker: Worker | undefined;
  private readonly queue: Pending[] = [];
  private running: { pending: Pending; timer: NodeJS.Timeout } | undefined;
  private nextId = 1;
  private stopped = false;

  /** `timeoutMs`: how long one draft may run (EXTRACT_TIMEOUT_MS), waiting in the queue aside. */
  constructor(private readonly timeoutMs: number) {}

  draft(input: Omit<DraftRequest, "id">): Promise<DraftOutcome> {
    if (this.stopped) return Promise.reject(new Error("the service is stopping"));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { ...input, id: this.nextId++ }, resolve, reject });
      this.next();
    });
  }

  /** Stops the worker; drafts waiting fail. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error("the service is stopping"));
    if (this.running) {
      clearTimeout(this.running.timer);
      this.running.pending.reject(new Error("the service is stopping"));
      this.running = undefined;
    }
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): Worker {
    // dist/src/extract/drafts.js runs dist/src/extract/draft-worker.js.
    const worker = new Worker(new URL("./draft-worker.js", import.meta.url));
    worker.unref(); // a worker waiting for work does not keep the process alive
    worker.on("message", (reply: DraftReply) => this.finish(reply));
    worker.on("error", (error) => this.fail(worker, error));
    worker.on("exit", () => {
      if (this.worker === worker) this.fail(worker, new Error("the draft worker exited"));
    });
    return worker;
  }

  private next(): void {
    if (this.running || this.stopped) return;
    const pending = this.queue.shift();
    if (!pending) return;
    this.worker ??= this.start();
    const worker = this.worker;
    const timer = setTimeout(() => {
      // Too long: the worker goes, and the draft's caller hears how long it was given.
      this.running = undefined;
      this.worker = undefined;
      void worker.terminate();
      pending.resolve({ timedOut: this.timeoutMs });
      this.next();
    }, this.timeoutMs);
    this.running = { pending, timer };
    worker.postMessage(pending.request);
  }

  private finish(reply: DraftReply): void {
    const running = this.running;
    if (!running || running.pending.request.id !== reply.id) return; // a reply after its time limit
    clearTimeout(running.timer);
    this.running = undefined;
    if ("yaml" in reply) running.pending.resolve({ yaml: reply.yaml });
    else if ("refused" in reply) running.pending.resolve({ refused: reply.refused });
    else running.pending.reject(new Error(`drafting failed: ${reply.failed}`));
    this.next();
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (this.running) {
      clearTimeout(this.running.timer);
      this.running.pending.reject(error);
      this.running = undefined;
    }
    this.next();
  }
}
