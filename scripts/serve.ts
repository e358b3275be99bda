// A small static server for dist/, as a hospital intranet or a CDN would serve
// it: files only, gzip when the browser asks, nothing from other origins.
//
// Plain mode ({ plain: true }, and `npm run dev`) is the least any static host
// does, like `python3 -m http.server` or an object store's website endpoint: a
// path names a file, and a folder ("units/") serves its index.html; nothing
// guesses ".html". The site links to its pages' files, so it needs no more
// (test/browser/site.test.ts crawls it so). Without it, "methods" also finds
// methods.html, for tests that open pages by their clean paths.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { createGzip } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".json": "application/json", ".csv": "text/csv; charset=utf-8", ".arrow": "application/vnd.apache.arrow.stream",
  ".svg": "image/svg+xml", ".png": "image/png", ".wasm": "application/wasm", ".woff2": "font/woff2", ".txt": "text/plain; charset=utf-8",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".csv", ".arrow", ".svg", ".txt", ".wasm"]);

export interface ServerOptions {
  /** Map a path to a file only (a folder with a trailing "/" to its index.html); no ".html" guessed. */
  plain?: boolean;
}

export function startServer(root: string, port: number, basePath = "/", options: ServerOptions = {}): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(basePath)) {
      res.writeHead(404).end("not found");
      return;
    }
    path = "/" + path.slice(basePath.length);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      // As python's http.server: a folder's address ends in "/", so that its page's relative links resolve.
      if (options.plain && !url.pathname.endsWith("/")) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = join(file, "index.html");
    } else if (!options.plain && !existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!existsSync(file)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const ext = extname(file);
    const headers: Record<string, string> = { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": "no-cache" };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      res.writeHead(200, { ...headers, "content-encoding": "gzip", vary: "accept-encoding" });
      createReadStream(file).pipe(createGzip()).pipe(res);
    } else {
      res.writeHead(200, { ...headers, "content-length": String(statSync(file).size) });
      createReadStream(file).pipe(res);
    }
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

export async function serve(root: string, port: number): Promise<void> {
  await startServer(root, port, "/", { plain: true });
  console.error(`serving ${root} on http://localhost:${port}/ (Ctrl-C to stop)`);
}
