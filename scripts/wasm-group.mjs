// Fewer, larger split modules (scripts/build-wasm.mjs, after wasm-split-cli).
//
// wasm-split-cli 0.2.4 writes one module per split point and one shared `chunk_<n>.wasm` per exact
// set of split points that share code: seven split points gave 65 chunks, and opening a section
// fetched, compiled and instantiated 43-50 files, which took 160-330 ms on 127.0.0.1 (a browser
// opens 6 connections to one HTTP/1.1 host, so they came in waves). This groups the modules into
// a few files, merged by scripts/wasm-merge.mjs, and rewrites the loader `__wasm_split.js` to
// fetch the groups:
//  1. Every module starts in a group with the modules needed by exactly the same loads (a load
//     is what the app fetches at once: a split point, or a section together with the shortlist
//     store; build-wasm.mjs says which). No load fetches a byte more than before.
//  2. Then, greedily, the two groups whose merging lowers the estimated time of all loads the
//     most are merged, as long as one does: each file a load fetches costs FILE_MS, each KB of
//     wasm it did not need before costs KB_MS (estimates; what they gave on 127.0.0.1 is in
//     docs/PERFORMANCE.md, "Session 8: sections"). A split point's own module is never merged
//     with another's, so a section never fetches another section's own code.
// Whatever the grouping, every split point's loader fetches every group holding something it
// needs: the costs only decide how fast, never whether the code is there. The main module is
// never touched: the first visit is the same.

import { mergeModules } from "./wasm-merge.mjs";

/** Milliseconds a load spends per file it fetches (request, compile and instantiate). */
export const FILE_MS = 4;
/** Milliseconds a load spends per KB of (uncompressed) wasm it fetches. */
export const KB_MS = 0.04;

/**
 * Reads the loader wasm-split-cli wrote: its chunks (`{ variable, file, splits }`), its split
 * points (`{ name, file | null, deps: [chunk variables] }`), the text before the loaders and the
 * fetcher the loaders use, with `FILE` where the file name goes.
 */
export function readLoader(js) {
  const chunkRe =
    /\/\* ([\w, ]*) \*\/\nconst (__chunk_\d+) = makeLoad\((\(\) => \{\n\s*const src = fetch\(new URL\("\.\/([\w.-]+\.wasm)", import\.meta\.url\)\);[\s\S]*?\n\}\n), \[\]\);\n/g;
  const splitRe =
    /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(((?:\(\) => \{\n\s*const src = fetch\(new URL\("\.\/([\w.-]+\.wasm)", import\.meta\.url\)\);[\s\S]*?\n\}\n)|\(\) => async \(_imp\) => \(\{\}\)), \[([\w, ]*)\]\)\);\n/g;
  const first = js.search(/\/\* [\w, ]* \*\/\nconst __chunk_|export const __wasm_split_load_/);
  if (first < 0 || !js.includes("function makeLoad(") || !js.includes("function wrapAsyncCb(")) {
    throw new Error("__wasm_split.js does not look like wasm-split-cli 0.2.4's loader");
  }
  const chunks = [];
  const splits = [];
  let fetcher;
  // The loaders come one after another: chunks first, then split points.
  const rest = js.slice(first);
  let consumed = 0;
  for (;;) {
    chunkRe.lastIndex = consumed;
    const m = chunkRe.exec(rest);
    if (!m || m.index !== consumed) break;
    chunks.push({ variable: m[2], file: m[4], splits: m[1].split(", ") });
    fetcher ??= m[3].replace(`"./${m[4]}"`, '"./FILE"');
    consumed = chunkRe.lastIndex;
  }
  for (;;) {
    splitRe.lastIndex = consumed;
    const m = splitRe.exec(rest);
    if (!m || m.index !== consumed) break;
    splits.push({ name: m[1], file: m[3] || null, deps: m[4] ? m[4].split(", ") : [] });
    if (m[3]) fetcher ??= m[2].replace(`"./${m[3]}"`, '"./FILE"');
    consumed = splitRe.lastIndex;
  }
  if (consumed !== rest.length) {
    throw new Error(`__wasm_split.js has a loader this script does not know, at: ${rest.slice(consumed, consumed + 200)}`);
  }
  if (!fetcher || fetcher.split('"./FILE"').length !== 2) throw new Error("__wasm_split.js fetches no module");
  return { head: js.slice(0, first), chunks, splits, fetcher };
}

/**
 * Groups `modules` (`{ file, bytes, splits: [split points needing it], own: split point | undefined }`)
 * for `loads` (arrays of split points fetched at once). Returns arrays of files.
 */
export function planGroups(modules, loads, { fileMs = FILE_MS, kbMs = KB_MS } = {}) {
  const needs = (m, load) => m.splits.some((s) => load.includes(s));
  // A split point's own module (`own`: the code only it reaches) is never merged with another's:
  // a section never fetches another section's own code, and each file keeps a split point's name.
  const ownOf = (m) => (m.own ? [m.own] : []);
  // 1. Modules needed by the same loads.
  const bySignature = new Map();
  for (const m of modules) {
    const signature = loads.map((l) => (needs(m, l) ? 1 : 0)).join("");
    if (!signature.includes("1")) throw new Error(`no load fetches ${m.file}`);
    // Two split points' own modules never have the same signature: each is needed by its loads.
    const key = m.own ? `${signature} ${m.own}` : signature;
    if (!bySignature.has(key)) bySignature.set(key, { files: [], bytes: 0, own: [], used: signature.split("").map(Number) });
    const g = bySignature.get(key);
    g.files.push(m.file);
    g.bytes += m.bytes;
    g.own.push(...ownOf(m));
  }
  let groups = [...bySignature.values()];
  const cost = (gs) =>
    loads.reduce((sum, _, l) => {
      const fetched = gs.filter((g) => g.used[l]);
      return sum + fetched.length * fileMs + (fetched.reduce((b, g) => b + g.bytes, 0) / 1024) * kbMs;
    }, 0);
  // 2. Greedy merges while the estimated time of all loads goes down.
  for (;;) {
    const now = cost(groups);
    let best = null;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i];
        const b = groups[j];
        if (a.own.length > 0 && b.own.length > 0) continue;
        const merged = {
          files: [...a.files, ...b.files],
          bytes: a.bytes + b.bytes,
          own: [...a.own, ...b.own],
          used: a.used.map((u, l) => u | b.used[l]),
        };
        const next = groups.filter((g) => g !== a && g !== b).concat([merged]);
        const gain = now - cost(next);
        if (gain > 1e-9 && (!best || gain > best.gain)) best = { gain, next };
      }
    }
    if (!best) break;
    groups = best.next;
  }
  return groups.map((g) => g.files);
}

/**
 * Merges the split modules `wasm` (a Map file name -> bytes) into groups and rewrites the loader
 * `js` to fetch them. `loadsOf(split point names)` returns the loads. Returns `{ js, files: Map
 * name -> bytes, groups: [{ file, parts, splits }] }`.
 */
export function groupModules(js, wasm, loadsOf, options) {
  const loader = readLoader(js);
  const owners = new Map(); // file -> split points needing it
  const variableFile = new Map(loader.chunks.map((c) => [c.variable, c.file]));
  for (const c of loader.chunks) owners.set(c.file, []);
  for (const s of loader.splits) {
    if (s.file) owners.set(s.file, [s.name]);
    for (const d of s.deps) {
      const file = variableFile.get(d);
      if (!file) throw new Error(`split point ${s.name} needs ${d}, which the loader does not define`);
      owners.get(file).push(s.name);
    }
  }
  const modules = [...owners].map(([file, splits]) => {
    if (!wasm.has(file)) throw new Error(`the loader fetches ${file}, which wasm-split did not write`);
    const own = loader.splits.find((s) => s.file === file)?.name;
    return { file, splits, own, bytes: wasm.get(file).length };
  });
  const loads = loadsOf(loader.splits.map((s) => s.name));
  const plan = planGroups(modules, loads, options);
  const splitOf = new Map(modules.map((m) => [m.file, m.splits]));
  const files = new Map();
  const groups = plan.map((group, k) => {
    const splits = [...new Set(group.flatMap((f) => splitOf.get(f)))].sort();
    // A group holding a split point's own module keeps its name (split_<name>.wasm); the others
    // are numbered.
    const own = group.filter((f) => modules.find((m) => m.file === f).own);
    const file = own.length === 1 ? own[0] : `shared_${k}.wasm`;
    const order = [...group].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    const bytes = order.length === 1 ? wasm.get(order[0]) : mergeModules(order.map((f) => ({ label: f, bytes: wasm.get(f) })));
    files.set(file, bytes);
    return { file, variable: `__group_${k}`, splits, parts: order };
  });
  let out = loader.head;
  for (const g of groups) {
    out += `/* ${g.parts.join(", ")}: needed by ${g.splits.join(", ")} */\n`;
    out += `const ${g.variable} = makeLoad(${loader.fetcher.replace('"./FILE"', `"./${g.file}"`)}, []);\n`;
  }
  for (const s of loader.splits) {
    const deps = groups.filter((g) => g.splits.includes(s.name)).map((g) => g.variable);
    out += `export const __wasm_split_load_${s.name} = wrapAsyncCb(makeLoad(() => async (_imp) => ({}), [${deps.join(", ")}]));\n`;
  }
  return { js: out, files, groups };
}
