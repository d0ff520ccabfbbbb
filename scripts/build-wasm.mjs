// Trunk's build-stage hook (Trunk.toml): builds the app's wasm and its JS glue into trunk's
// staging folder, in place of trunk's own Rust pipeline (index.html's rust link carries
// data-trunk-skip: trunk 0.21 cannot run a step between cargo and wasm-bindgen).
//
// Release (`trunk build --release`; MICROSCOPE_SPLIT=0 builds it unsplit, for comparison):
//  1. cargo rustc --release --features split -- -C link-arg=--emit-relocs: the `split` feature
//     turns the functions in src/ui/app/sections.rs into split points; the relocations are what
//     wasm-split reads.
//  2. wasm-split-cli (wasm_split_cli_support, scripts/setup.sh): the main module, one module per
//     split point (split_<name>.wasm), modules that several split points share (chunk_<n>.wasm) and
//     __wasm_split.js, which fetches and links them.
//  3. wasm-bindgen --target web --keep-lld-exports on the main module: without the flag the
//     function table export the other modules link against is dropped (LinkError on first load).
//  3b. The split modules grouped into a few files (scripts/wasm-group.mjs, merged by
//     scripts/wasm-merge.mjs) and __wasm_split.js rewritten to fetch them: wasm-split-cli writes
//     a module per set of split points sharing code, dozens of small files a section would fetch.
//  4. wasm-opt -Oz (binaryen 132, scripts/tools) on every module; the main one with its functions
//     sorted by name, as trunk's pipeline did (about 19 KB less gzip).
//  5. One build id for every file, derived from all of their contents, in every file name
//     (microscope-<id>.js, microscope-<id>_bg.wasm, __wasm_split-<id>.js, split_x-<id>.wasm): the
//     modules of one build only ever link with each other, and a deploy changes every URL.
//     Only the `from "..."` and `new URL("...")` references are renamed; the "./__wasm_split.js" key
//     of the glue's imports object is what the wasm is linked against and stays.
// Debug (`trunk serve`): cargo's dev profile, unsplit (MICROSCOPE_SPLIT=1 splits it too), no
// wasm-opt, the same names.
// Writes .wasm-build.json (skipped by the precache: dot file) for scripts/post-build.mjs, which
// points index.html's loader at the files, hashes the loader into the CSP and lists every module
// in the service worker's precache.
import crypto from "node:crypto";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { groupModules } from "./wasm-group.mjs";

// What the app fetches at once (src/ui/app/sections.rs): `with_shortlist` downloads the shortlist
// store's module together with every part's but Check's results; Check's "Add to shortlist" needs
// the store alone. The grouping (scripts/wasm-group.mjs) keeps each of these loads to a few files.
const STORE = "shortlist_store";
const WITHOUT_STORE = ["check_results"];
function loadsOf(splits) {
  for (const name of [STORE, ...WITHOUT_STORE]) {
    if (!splits.includes(name)) fail(`no split point is named ${name}: update loadsOf in scripts/build-wasm.mjs`);
  }
  return splits.map((s) => (s === STORE || WITHOUT_STORE.includes(s) ? [s] : [s, STORE]));
}

const stagingDir = process.env.TRUNK_STAGING_DIR;
const release = (process.env.TRUNK_PROFILE || "release") === "release";
const split = process.env.MICROSCOPE_SPLIT ? process.env.MICROSCOPE_SPLIT === "1" : release;
const BIN = "microscope";
// MICROSCOPE_WASM_NAMES=1 keeps the functions' names in every module (wasm-opt -g), for a CPU
// profile that names them (tests/e2e/bench/profile-import.js); never for a build that ships.
const keepNames = process.env.MICROSCOPE_WASM_NAMES === "1";
const TARGET = "wasm32-unknown-unknown";

function fail(message) {
  console.error(`build-wasm: ${message}`);
  process.exit(1);
}
if (!stagingDir || !fs.existsSync(stagingDir)) {
  fail("run me as trunk's build hook (TRUNK_STAGING_DIR is not set)");
}

/** Runs a command with inherited output; resolves with its stdout when asked to capture it. */
function run(command, args, { capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", capture ? "pipe" : "inherit", "inherit"] });
    let out = "";
    if (capture) child.stdout.on("data", (d) => (out += d));
    child.on("error", (e) => reject(new Error(`${command}: ${e.message} (did scripts/setup.sh run?)`)));
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

/** The module without its debug custom sections ("name", "producers", ".debug_*"), which the
 *  browser never needs; "target_features" stays (wasm-opt reads which features to allow from it).
 *  Every other section is copied byte for byte. */
function stripCustomSections(bytes) {
  const parts = [bytes.subarray(0, 8)]; // magic and version
  const leb = (at) => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return [value, at];
    }
  };
  let at = 8;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const [size, body] = leb(at);
    at = body + size;
    if (id === 0) {
      const [length, text] = leb(body);
      const name = bytes.subarray(text, text + length).toString("utf8");
      if ((name === "name" && !keepNames) || name === "producers" || name.startsWith(".debug")) continue;
    }
    parts.push(bytes.subarray(start, at));
  }
  if (at !== bytes.length) fail("a module's sections do not add up (not a wasm file?)");
  return Buffer.concat(parts);
}

const started = Date.now();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "microscope-wasm-"));
try {
  // ---- 1. cargo --------------------------------------------------------------------------------
  const cargoArgs = ["rustc", "--target", TARGET, "--bin", BIN, "--offline", "--message-format=json-render-diagnostics"];
  if (release) cargoArgs.push("--release");
  if (split) cargoArgs.push("--features", "split", "--", "-C", "link-arg=--emit-relocs");
  const messages = await run("cargo", cargoArgs, { capture: true });
  const artifact = messages
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line))
    .filter((m) => m.reason === "compiler-artifact" && m.target && m.target.name === BIN && m.target.kind.includes("bin"))
    .flatMap((m) => m.filenames)
    .find((f) => f.endsWith(".wasm"));
  if (!artifact) fail(`cargo built no ${BIN}.wasm`);

  // ---- 2. wasm-split ---------------------------------------------------------------------------
  const splitDir = path.join(work, "split");
  let mainWasm = artifact;
  if (split) {
    await run("wasm-split-cli", [artifact, splitDir, "--target", "web", "--out-name", BIN]);
    mainWasm = path.join(splitDir, `${BIN}.wasm`);
  }

  // ---- 3. wasm-bindgen -------------------------------------------------------------------------
  const outDir = path.join(work, "out");
  const bindgenArgs = ["--target", "web", "--no-typescript", "--out-dir", outDir, "--out-name", BIN];
  if (split) bindgenArgs.push("--keep-lld-exports");
  if (!release) bindgenArgs.push("--debug", "--keep-debug");
  await run("wasm-bindgen", [...bindgenArgs, mainWasm]);
  if (split) {
    for (const name of fs.readdirSync(splitDir)) {
      if (name !== `${BIN}.wasm`) fs.copyFileSync(path.join(splitDir, name), path.join(outDir, name));
    }
  }

  // ---- 3b. fewer, larger split modules ---------------------------------------------------------
  if (split) {
    const loaderFile = path.join(outDir, "__wasm_split.js");
    const wasm = new Map(
      fs
        .readdirSync(outDir)
        .filter((n) => n.endsWith(".wasm") && n !== `${BIN}_bg.wasm`)
        .map((n) => [n, fs.readFileSync(path.join(outDir, n))]),
    );
    const grouped = groupModules(fs.readFileSync(loaderFile, "utf8"), wasm, loadsOf);
    for (const name of wasm.keys()) fs.rmSync(path.join(outDir, name));
    for (const [name, bytes] of grouped.files) fs.writeFileSync(path.join(outDir, name), bytes);
    fs.writeFileSync(loaderFile, grouped.js);
    console.log(`build-wasm: ${wasm.size} split modules grouped into ${grouped.files.size}:`);
    for (const g of grouped.groups) console.log(`build-wasm:   ${g.file} (${g.parts.length} modules) for ${g.splits.join(", ")}`);
  }

  // ---- 4. wasm-opt -----------------------------------------------------------------------------
  const modules = fs.readdirSync(outDir).filter((n) => n.endsWith(".wasm")).sort();
  if (release) {
    // wasm-opt (binaryen.js on node) takes a second or two just to start: modules under 4 KB,
    // most of the shared ones, only lose their custom sections (names, producers).
    const queue = [];
    for (const name of modules) {
      const file = path.join(outDir, name);
      fs.writeFileSync(file, stripCustomSections(fs.readFileSync(file)));
      if (name === `${BIN}_bg.wasm` || fs.statSync(file).size >= 4096) queue.push(name);
    }
    // The main module first (the longest), the others beside it: two at a time.
    queue.sort((a, b) => (b === `${BIN}_bg.wasm`) - (a === `${BIN}_bg.wasm`));
    const optimise = async () => {
      for (let name = queue.shift(); name; name = queue.shift()) {
        const file = path.join(outDir, name);
        const extra = name === `${BIN}_bg.wasm` ? ["--reorder-functions-by-name"] : [];
        await run("wasm-opt", ["-Oz", ...extra, ...(keepNames ? ["-g"] : []), file, "-o", file]);
      }
    };
    await Promise.all([optimise(), optimise()]);
  }

  // ---- 5. one build id in every name -----------------------------------------------------------
  const files = fs.readdirSync(outDir).sort();
  const hash = crypto.createHash("sha256");
  for (const name of files) hash.update(name).update("\0").update(fs.readFileSync(path.join(outDir, name)));
  const id = hash.digest("hex").slice(0, 16);
  const renamed = (name) => name.replace(/^(.*?)(_bg)?\.(js|wasm)$/, `$1-${id}$2.$3`);
  const rewrite = (name, edit) => {
    const file = path.join(outDir, name);
    const before = fs.readFileSync(file, "utf8");
    const after = edit(before);
    if (after === before) fail(`nothing to rename in ${name} (did wasm-bindgen or wasm-split change?)`);
    fs.writeFileSync(file, after);
  };
  // The glue: its import of __wasm_split.js (not the imports object's key) and its default wasm URL.
  rewrite(`${BIN}.js`, (text) => {
    let out = text.replace(/(\bfrom\s*)(["'])\.\/__wasm_split\.js\2/g, (_, from, q) => `${from}${q}./${renamed("__wasm_split.js")}${q}`);
    out = out.replace(new RegExp(`new URL\\((["'])${BIN}_bg\\.wasm\\1`, "g"), (_, q) => `new URL(${q}${renamed(`${BIN}_bg.wasm`)}${q}`);
    return out;
  });
  if (split) {
    // The linker: its import of the glue and every module it fetches.
    rewrite("__wasm_split.js", (text) =>
      text
        .replace(/(\bfrom\s*)(["'])\.\/([\w.-]+\.js)\2/g, (_, from, q, name) => `${from}${q}./${renamed(name)}${q}`)
        .replace(/new URL\((["'])\.\/([\w.-]+\.wasm)\1/g, (_, q, name) => `new URL(${q}./${renamed(name)}${q}`),
    );
    const text = fs.readFileSync(path.join(outDir, "__wasm_split.js"), "utf8");
    for (const name of files.filter((n) => n.endsWith(".wasm") && n !== `${BIN}_bg.wasm`)) {
      if (!text.includes(renamed(name))) fail(`__wasm_split.js never fetches ${name}`);
    }
  }
  const built = [];
  for (const name of files) {
    const target = renamed(name);
    fs.copyFileSync(path.join(outDir, name), path.join(stagingDir, target));
    built.push({ file: target, module: name.replace(/\.(js|wasm)$/, ""), bytes: fs.statSync(path.join(stagingDir, target)).size });
  }
  const manifest = {
    id,
    split,
    profile: release ? "release" : "debug",
    glue: renamed(`${BIN}.js`),
    wasm: renamed(`${BIN}_bg.wasm`),
    files: built,
  };
  fs.writeFileSync(path.join(stagingDir, ".wasm-build.json"), JSON.stringify(manifest, null, 1));
  const wasmFiles = built.filter((f) => f.file.endsWith(".wasm"));
  console.log(
    `build-wasm: ${manifest.profile}, ${split ? `split into ${wasmFiles.length} modules` : "unsplit"}, build ${id}, ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (error) {
  fail(error.message);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
