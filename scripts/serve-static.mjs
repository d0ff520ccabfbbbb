// Serves a build folder on 127.0.0.1 the way the host (GitHub Pages) does: gzip for text and wasm
// when the browser accepts it, correct types, 404 for what is missing. `scripts/audit.sh` runs
// Lighthouse against it: Python's http.server sends everything uncompressed, so Lighthouse's
// simulated phone downloaded the 537 KB wasm that visitors get as 214 KB gzip.
// Usage: node scripts/serve-static.mjs DIR PORT
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { gzipSync } from "node:zlib";

const [dir, port] = process.argv.slice(2);
if (!dir || !port) {
  console.error("usage: node scripts/serve-static.mjs DIR PORT");
  process.exit(2);
}
const root = normalize(dir);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".ico": "image/x-icon",
};
// What GitHub Pages compresses: text and wasm, not images that are compressed already.
const COMPRESS = new Set([".html", ".js", ".mjs", ".css", ".json", ".webmanifest", ".wasm", ".svg", ".txt"]);
// Compressed once per file version: keyed by path, size and modification time, so a rebuild into
// the same folder is served as it is now (keyed by path alone, a served page kept asking for the
// previous build's files, which were gone).
const gzipped = new Map();

createServer(async (req, res) => {
  try {
    let path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) throw new Error("outside");
    const info = await stat(file);
    if (!info.isFile()) throw new Error("not a file");
    const ext = extname(file);
    let body = await readFile(file);
    const headers = { "content-type": TYPES[ext] || "application/octet-stream", "cache-control": "max-age=600" };
    if (COMPRESS.has(ext) && /\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
      const version = `${info.size}:${info.mtimeMs}`;
      const cached = gzipped.get(file);
      if (cached?.version !== version) gzipped.set(file, { version, body: gzipSync(body, { level: 6 }) });
      body = gzipped.get(file).body;
      headers["content-encoding"] = "gzip";
      headers.vary = "accept-encoding";
    }
    headers["content-length"] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  }
}).listen(Number(port), "127.0.0.1");
