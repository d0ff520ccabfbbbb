// Trunk's post_build hook (Trunk.toml runs `node scripts/post-build.mjs`): finishes the build in
// trunk's staging folder.
//  1. index.html: points the loader script (index.html's one inline module script) at the glue and
//     main module that scripts/build-wasm.mjs built under content-hashed names, computes the
//     loader's sha256 and writes it into the Content-Security-Policy meta (the first element of
//     <head>), so a stale hash cannot ship. Fails the build unless the page has exactly the inline
//     scripts expected, no inline style or event-handler attributes, no preload links, and a policy
//     that names no remote origin. The glue has no SRI check: only the host that serves index.html
//     could change it.
//  2. the stylesheets: the style/ files trunk copied (one link each, in index.html's order) become
//     one content-hashed file with its SRI hash. Seven render-blocking links were seven requests
//     before the first paint; on HTTP/1.1 (6 connections) the last waited a round trip, and
//     Lighthouse's simulated phone counted ~260 ms of render blocking. Concatenated in order, the
//     cascade is the same.
//  3. sw.js: writes the list of files to precache, with their integrity hashes, and a version
//     derived from those hashes. Every wasm module is in it, those of sections never opened too,
//     so after one visit every section works offline; a deploy that changes any module changes
//     the version, so the update notice covers them. Files under lexicon/ are left out: they are
//     cached on first use.
// Under `trunk serve` (its autoreload script is inline and rewritten per request, so it cannot be
// hashed) the policy allows inline scripts and the service worker is switched off.
// Uses node, which the release build already needs for wasm-opt (npm binaryen, scripts/tools).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

// Trunk passes the staging folder and the profile in its environment.
const stagingDir = process.env.TRUNK_STAGING_DIR;
const profile = process.env.TRUNK_PROFILE || "release";
if (!stagingDir || !fs.statSync(path.join(stagingDir, "index.html"), { throwIfNoEntry: false })?.isFile()) {
  console.error("post-build: run me as trunk's post_build hook (TRUNK_STAGING_DIR has no index.html)");
  process.exit(1);
}

// Files fetched only when a feature needs them; precaching them would cost every first visit.
const LAZY_DIRS = ["lexicon"];
const CSP_PLACEHOLDER = /'sha256-[A-Za-z0-9+/=_-]*'/g;
const REQUIRED_DIRECTIVES = [
  "default-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "manifest-src 'self'",
  "worker-src 'self'",
];

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}

const sha = (algorithm, data, encoding) => crypto.createHash(algorithm).update(data).digest(encoding);

// ---- 1. index.html: the CSP hash of the loader script --------------------------------------
const htmlPath = path.join(stagingDir, "index.html");
let html = fs.readFileSync(htmlPath, "utf8");

const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
const inline = scripts.filter((m) => !/\bsrc\s*=/i.test(m[1]));
const loaders = inline.filter(
  (m) =>
    /\btype\s*=\s*["']?module/i.test(m[1]) &&
    /^\s*import init\b[^;]*from "[^"]+\.js";/.test(m[2]) &&
    m[2].includes("TrunkApplicationStarted"),
);
const autoreload = inline.filter((m) => m[2].includes(".well-known/trunk/ws"));
const unexpected = inline.filter((m) => !loaders.includes(m) && !autoreload.includes(m));
if (loaders.length !== 1) {
  fail(`expected exactly 1 inline trunk loader script in index.html, found ${loaders.length}`);
}
if (unexpected.length > 0) {
  fail(`index.html has ${unexpected.length} unexpected inline script(s); the CSP would block them:\n` +
    unexpected.map((m) => m[0].slice(0, 200)).join("\n"));
}
const serving = autoreload.length > 0;

// The loader (index.html) imports "./microscope.js" and starts "./microscope_bg.wasm":
// scripts/build-wasm.mjs (trunk's build hook) wrote them under content-hashed names and said which
// in .wasm-build.json. The names go in before the hash is taken.
const manifestPath = path.join(stagingDir, ".wasm-build.json");
if (!fs.existsSync(manifestPath)) {
  fail("the build hook wrote no .wasm-build.json (is scripts/build-wasm.mjs a build-stage hook in Trunk.toml?)");
}
const wasmBuild = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
fs.rmSync(manifestPath);
{
  const loader = loaders[0];
  let text = loader[2];
  for (const [placeholder, file] of [["./microscope.js", wasmBuild.glue], ["./microscope_bg.wasm", wasmBuild.wasm]]) {
    if (text.split(`"${placeholder}"`).length !== 2) {
      fail(`the loader script in index.html must name "${placeholder}" exactly once`);
    }
    text = text.replace(`"${placeholder}"`, () => `"./${file}"`);
  }
  html = html.replace(loader[0], () => loader[0].replace(loader[2], () => text));
  loader[2] = text;
}

// Inline styles and handlers would be refused by the policy: catch them here, not in a browser.
const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, "<script></script>");
const inlineStyle = markup.match(/<style\b|<[^>]*\sstyle\s*=/i);
const handler = markup.match(/<[^>]*\son[a-z]+\s*=/i);
if (inlineStyle || handler) {
  fail(`index.html has an inline ${inlineStyle ? "style" : "event handler"} the CSP refuses: ` +
    `${(inlineStyle || handler)[0].slice(0, 120)}`);
}

const head = html.match(/<head\b[^>]*>\s*(<[^>]*>)/i);
const cspTag = /^<meta\s+http-equiv\s*=\s*"Content-Security-Policy"\s+content\s*=\s*"([^"]*)"\s*\/?>$/i;
if (!head || !cspTag.test(head[1])) {
  fail('the first element of <head> must be <meta http-equiv="Content-Security-Policy" content="...">');
}
if ((html.match(/http-equiv\s*=\s*"Content-Security-Policy"/gi) || []).length !== 1) {
  fail("index.html must have exactly one Content-Security-Policy meta");
}
const policy = head[1].match(cspTag)[1];
if (/https?:|wss?:|\*|\/\//i.test(policy)) {
  fail(`the CSP names a remote origin or wildcard: ${policy}`);
}
for (const directive of REQUIRED_DIRECTIVES) {
  if (!policy.split(";").some((d) => d.trim() === directive)) {
    fail(`the CSP lacks "${directive}": ${policy}`);
  }
}
const scriptSrc = policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src "));
if (!scriptSrc || (scriptSrc.match(CSP_PLACEHOLDER) || []).length !== 1) {
  fail(`the CSP's script-src must hold exactly one 'sha256-...' source to fill in: ${policy}`);
}
// Browsers hash the script's text as UTF-8 after the HTML parser turned CRLF into LF.
const loaderText = loaders[0][2].replace(/\r\n?/g, "\n");
const loaderHash = `'sha256-${sha("sha256", Buffer.from(loaderText, "utf8"), "base64")}'`;
const newScriptSrc = serving
  ? "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'"
  : scriptSrc.replace(CSP_PLACEHOLDER, loaderHash);
const newPolicy = policy.replace(scriptSrc, newScriptSrc);
html = html.replace(head[1], head[1].replace(policy, newPolicy));
// The loader fetches the glue and the main module itself once the header is painted: a preload
// started before the first paint would make Lighthouse's simulated phone wait for the download
// before it counts the header as painted. Trunk's rust pipeline (skipped) would have added them.
if (/<link\b[^>]*\brel="(?:preload|modulepreload)"/i.test(html)) {
  fail("index.html has a <link rel=preload/modulepreload>; the loader fetches what it needs after the first paint");
}
fs.writeFileSync(htmlPath, html);

// ---- 2. one stylesheet ------------------------------------------------------------------------
{
  const links = [...html.matchAll(/<link rel="stylesheet" href="\.\/([A-Za-z0-9_-]+\.css)" integrity="[^"]*"\s*\/?>/g)];
  const all = (html.match(/<link\b[^>]*\brel="stylesheet"/gi) || []).length;
  if (links.length === 0 || links.length !== all) {
    fail(`expected trunk's stylesheet links (<link rel="stylesheet" href="./name-hash.css" integrity="...">), found ${links.length} of ${all}`);
  }
  const parts = links.map((m) => {
    const file = path.join(stagingDir, m[1]);
    if (!fs.existsSync(file)) fail(`index.html links ${m[1]}, which is not in the build`);
    const text = fs.readFileSync(file, "utf8");
    // An @import or @charset is only allowed at the top of a sheet: after concatenation it would
    // be ignored.
    if (/@import|@charset/i.test(text)) fail(`${m[1]} uses @import or @charset, which cannot be concatenated`);
    return { name: m[1], file, text };
  });
  const css = parts.map((p) => `/* ${p.name.replace(/-[0-9a-f]+\.css$/, ".css")} */\n${p.text.trim()}\n`).join("\n");
  const name = `style-${sha("sha256", css, "hex").slice(0, 16)}.css`;
  fs.writeFileSync(path.join(stagingDir, name), css);
  for (const p of parts) fs.rmSync(p.file);
  const link = `<link rel="stylesheet" href="./${name}" integrity="sha384-${sha("sha384", Buffer.from(css, "utf8"), "base64")}"/>`;
  html = html.replace(links[0][0], () => link);
  // Each other link goes with the indentation and line break before it.
  for (const m of links.slice(1)) {
    const at = html.indexOf(m[0]);
    const lineStart = html.lastIndexOf("\n", at);
    const from = /^[ \t]*$/.test(html.slice(lineStart + 1, at)) ? lineStart : at;
    html = html.slice(0, from) + html.slice(at + m[0].length);
  }
  fs.writeFileSync(htmlPath, html);
  if (!serving) console.log(`post-build: ${parts.length} stylesheets in one, ${name} (${(Buffer.byteLength(css) / 1024).toFixed(1)} KB)`);
}

// ---- 3. sw.js: the precache list and the version --------------------------------------------
const swPath = path.join(stagingDir, "sw.js");
if (!fs.existsSync(swPath)) {
  fail("sw.js is missing from the build (index.html copies public/sw.js)");
}
function walk(dir, prefix = "") {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix + entry.name;
    if (entry.name.startsWith(".")) return [];
    if (entry.isDirectory()) return LAZY_DIRS.includes(rel) ? [] : walk(path.join(dir, entry.name), `${rel}/`);
    return rel === "sw.js" ? [] : [rel];
  });
}
const files = walk(stagingDir).sort();
const precache = files.map((rel) => {
  const data = fs.readFileSync(path.join(stagingDir, rel));
  return {
    url: rel.split("/").map(encodeURIComponent).join("/"),
    integrity: `sha256-${sha("sha256", data, "base64")}`,
    bytes: data.length,
  };
});
const version = sha("sha256", precache.map((f) => `${f.url} ${f.integrity}\n`).join(""), "hex").slice(0, 16);
const build = {
  version: serving ? `serve-${version}` : version,
  enabled: !serving,
  precache: precache.map(({ url, integrity }) => ({ url, integrity })),
};
const sw = fs.readFileSync(swPath, "utf8");
const buildLine = /^const BUILD = .*;$/gm;
if ((sw.match(buildLine) || []).length !== 1) {
  fail("sw.js must have exactly one line starting `const BUILD = ` to fill in");
}
fs.writeFileSync(swPath, sw.replace(buildLine, () => `const BUILD = ${JSON.stringify(build)};`));

const kb = (precache.reduce((sum, f) => sum + f.bytes, 0) / 1024).toFixed(0);
if (serving) {
  console.log("post-build: trunk serve build: CSP allows inline scripts (autoreload); service worker off");
} else {
  console.log(`post-build: ${profile} build; CSP loader hash ${loaderHash}`);
  console.log(`post-build: service worker ${version} precaches ${precache.length} files (${kb} KB)`);
}
const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(stagingDir, file)), { level: 9 }).length;
for (const { file } of wasmBuild.files.filter((f) => f.file.endsWith(".wasm"))) {
  console.log(`post-build:   ${file.padEnd(48)} ${(gz(file) / 1024).toFixed(1).padStart(7)} KB gzip`);
}
