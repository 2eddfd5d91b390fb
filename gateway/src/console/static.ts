import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { HttpError, httpErrors } from "@waybill/http";

/** Where the gateway serves the console. */
export const CONSOLE_PATH = "/console";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** Vite names assets after their content, so a browser may keep them for good. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Serves the built console from `dir` under `/console`: its files with their content types, and
 * `index.html` for every other path (the app routes in the browser). A path that leaves `dir`, or
 * a console that was never built, is a 404.
 */
export function consoleHandler(dir: string) {
  const index = join(dir, "index.html");
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (req.method !== "GET" && req.method !== "HEAD")
      throw httpErrors.methodNotAllowed("GET, HEAD");
    if (path === CONSOLE_PATH) {
      res.writeHead(308, { location: `${CONSOLE_PATH}/` });
      return void res.end();
    }
    const relative = decodePath(path.slice(CONSOLE_PATH.length + 1));
    const file = normalize(join(dir, relative));
    if (file !== dir && !file.startsWith(dir + sep)) throw httpErrors.notFound("not found");
    const found = relative && (await isFile(file)) ? file : undefined;
    // A missing asset is a 404; any other path is one of the app's pages.
    if (!found && relative.startsWith("assets/")) throw httpErrors.notFound("no such asset");
    const served = found ?? index;
    if (!(await isFile(served)))
      throw httpErrors.notFound("the console is not built: npm run build -w @waybill/console");
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[extname(served)] ?? "application/octet-stream",
      "cache-control": served === index ? "no-cache" : IMMUTABLE,
      "x-content-type-options": "nosniff",
      ...(served === index ? { "content-security-policy": CONTENT_SECURITY_POLICY } : {}),
    });
    if (req.method === "HEAD") return void res.end();
    createReadStream(served).pipe(res);
  };
}

/** The app loads only its own scripts and styles and talks only to this gateway. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
].join("; ");

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new HttpError(400, "BAD_REQUEST", "the path is not valid percent-encoding");
  }
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}
