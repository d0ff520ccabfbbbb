//! The benchmarks' static server: `dist` on 127.0.0.1 at a free port, no compression and no
//! caching headers (what each figure measures is said in docs/PERFORMANCE.md). Used by page.js,
//! cpu-import.js, profile-import.js and profile-shortlist.js.
"use strict";
const fs = require("fs");
const http = require("http");
const path = require("path");

const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".txt": "text/plain",
};

/// Serves the files under `dist` (a path outside it is a 404); resolves to the listening server.
function serve(dist) {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(req.url.split("?")[0]);
    const file = path.join(dist, url.endsWith("/") ? url + "index.html" : url);
    if (!file.startsWith(dist) || !fs.existsSync(file)) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

module.exports = { serve };
