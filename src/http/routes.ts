/**
 * The service's routes by path, named once for whoever reports on requests: the metrics' `route`
 * label, tracing's `http.route` (a bounded set: any other path is not named), and the probes and
 * scrapes that tracing leaves out (every few seconds each, they would bury the traces).
 */
const PAGES = new Set(["/", "/curate", "/curate/", "/playground"]);
const UNREPORTED = new Set(["/healthz", "/readyz", "/metrics"]);

/** `http.route` of a path: itself for a route of its own, `/ide/*` for the IDE's assets, else undefined. */
export function httpRoute(pathname: string): string | undefined {
  if (pathname === "/graphql" || PAGES.has(pathname) || UNREPORTED.has(pathname)) return pathname;
  return pathname.startsWith("/ide/") ? "/ide/*" : undefined;
}

/** The metrics label of a path's route: graphql, healthz, readyz, metrics, ide or other. */
export function routeLabel(pathname: string): string {
  if (pathname === "/graphql") return "graphql";
  if (UNREPORTED.has(pathname)) return pathname.slice(1);
  return PAGES.has(pathname) || pathname.startsWith("/ide/") ? "ide" : "other";
}

/** Probes and metrics scrapes: not traced. */
export const isProbeOrScrape = (pathname: string): boolean => UNREPORTED.has(pathname);
