/**
 * Serves the bundle that Vite builds from ide/ into dist/ide/: the IDE's index.html and the
 * workbench's curate/index.html as pages, and the hashed files under /ide/. Paths are resolved inside the bundle folder only (no traversal), text
 * is gzipped when the browser accepts it (Monaco is several MB), and hashed assets are cached for
 * a year while the page is revalidated, so a rebuilt IDE shows up on the next load.
 */
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { HttpError } from "../http/http-error.ts";
import { addVary } from "../http/vary.ts";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".wasm": "application/wasm",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".map", ".svg", ".ttf"]);

/** The page may load only what the service itself serves: the browser enforces "no CDN". */
const PAGE_POLICY = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'", // Monaco positions its widgets with inline styles
  "img-src 'self' data:",
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

interface File {
  etag: string;
  raw: Buffer;
  gzip?: Buffer;
}

export interface Ide {
  /** The IDE page (GET / and browser GETs of /graphql). */
  page(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The curator's workbench page (GET /curate). */
  workbench(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** A file of the bundle, for a path under /ide/. */
  asset(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void>;
}

export function createIde(folder: string): Ide {
  const root = path.resolve(folder);
  const cache = new Map<string, File>();

  async function load(file: string): Promise<File | null> {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    const etag = `"${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}"`;
    const cached = cache.get(file);
    if (cached?.etag === etag) return cached;
    const raw = await readFile(file);
    const loaded = { etag, raw, gzip: COMPRESSIBLE.has(path.extname(file)) ? gzipSync(raw) : undefined };
    cache.set(file, loaded);
    return loaded;
  }

  async function send(req: IncomingMessage, res: ServerResponse, file: string, headers: Record<string, string>) {
    if (req.method !== "GET" && req.method !== "HEAD") throw new HttpError(405, "the IDE answers GET and HEAD only", { allow: "GET, HEAD" });
    const loaded = await load(file);
    if (!loaded) throw new HttpError(404, `no such file in the IDE bundle (is it built? \`npm run build\`)`);
    res.setHeader("content-type", CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream");
    res.setHeader("etag", loaded.etag);
    res.setHeader("x-content-type-options", "nosniff");
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (req.headers["if-none-match"] === loaded.etag) return void res.writeHead(304).end();
    const gzip = loaded.gzip && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    if (loaded.gzip) addVary(res, "accept-encoding");
    if (gzip) res.setHeader("content-encoding", "gzip");
    const body = gzip ? loaded.gzip! : loaded.raw;
    res.setHeader("content-length", body.length);
    res.writeHead(200).end(req.method === "HEAD" ? undefined : body);
  }

  const pageHeaders = { "cache-control": "no-cache", "content-security-policy": PAGE_POLICY };
  return {
    page: (req, res) => send(req, res, path.join(root, "index.html"), pageHeaders),
    workbench: (req, res) => send(req, res, path.join(root, "curate", "index.html"), pageHeaders),
    asset: async (req, res, pathname) => {
      let relative: string;
      try {
        relative = decodeURIComponent(pathname.replace(/^\/ide\//, ""));
      } catch {
        throw new HttpError(400, "malformed path");
      }
      const file = path.resolve(root, relative);
      if (relative.includes("\0") || !file.startsWith(root + path.sep)) throw new HttpError(404, "no such file in the IDE bundle");
      // Vite puts a content hash in every name under assets/: those never change.
      const immutable = file.startsWith(path.join(root, "assets") + path.sep);
      await send(req, res, file, { "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache" });
    },
  };
}
