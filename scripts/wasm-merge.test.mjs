// Tests of the split-module grouping (scripts/wasm-merge.mjs, scripts/wasm-group.mjs), run by
// scripts/test.sh with `node --test`. Modules are written in the text format and assembled with
// binaryen's JS API (scripts/tools); the merged module must behave as its parts did, linked to
// the same memory, table and globals.
import assert from "node:assert/strict";
import { test } from "node:test";

import binaryen from "./tools/node_modules/binaryen/index.js";
import { mergeModules } from "./wasm-merge.mjs";
import { groupModules, planGroups, readLoader } from "./wasm-group.mjs";

const wasm = (text) => {
  const module = binaryen.parseText(text);
  // The features rustc's wasm uses (the module's target_features section).
  const F = binaryen.Features;
  module.setFeatures(F.MutableGlobals | F.NontrappingFPToInt | F.BulkMemory | F.SignExt | F.ReferenceTypes | F.Multivalue);
  const bytes = Buffer.from(module.emitBinary());
  module.dispose();
  return bytes;
};

const IMPORTS = `
  (import "__wasm_split" "memory" (memory 1))
  (import "__wasm_split" "__indirect_function_table" (table 8 funcref))
  (import "__wasm_split" "__wasm_split_shared0" (global $sp (mut i32)))`;

// Slot 1: a function calling a local helper and, through the table, slot 4 (the other module's).
const A = wasm(`(module ${IMPORTS}
  (type $t (func (param i32) (result i32)))
  (global $count (mut i32) (i32.const 0))
  (data (i32.const 16) "AB")
  (elem (i32.const 1) $entry $helper)
  (func $helper (type $t) (i32.add (local.get 0) (i32.load8_u (i32.const 16))))
  (func $entry (type $t)
    (global.set $count (i32.add (global.get $count) (i32.const 1)))
    (global.set $sp (i32.add (global.get $sp) (i32.const 1)))
    (i32.add
      (call $helper (local.get 0))
      (call_indirect (type $t) (global.get $count) (i32.const 4)))))`);
// Slot 4: a function with a block type, a passive data segment and memory.init.
const B = wasm(`(module ${IMPORTS}
  (type $pair (func (param i32 i32) (result i32)))
  (type $t (func (param i32) (result i32)))
  (data $later "xyz")
  (data (i32.const 32) "B")
  (elem (i32.const 4) $four)
  (func $four (type $t)
    (memory.init $later (i32.const 40) (i32.const 0) (i32.const 3))
    (block (result i32)
      (i32.mul (local.get 0) (i32.load8_u (i32.const 42))))))`);

function linked() {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const table = new WebAssembly.Table({ initial: 8, element: "anyfunc" });
  const sp = new WebAssembly.Global({ value: "i32", mutable: true }, 100);
  return { imports: { __wasm_split: { memory, __indirect_function_table: table, __wasm_split_shared0: sp } }, memory, table, sp };
}

async function run(modules) {
  const world = linked();
  for (const bytes of modules) await WebAssembly.instantiate(bytes, world.imports);
  const out = [world.table.get(1)(5), world.table.get(1)(5), world.table.get(2)(1), world.table.get(4)(2)];
  return { out, sp: world.sp.value, memory: Buffer.from(world.memory.buffer.slice(0, 64)).toString("hex") };
}

test("a merged module behaves as its parts: table slots, calls, globals, data segments", async () => {
  const parts = await run([A, B]);
  const merged = mergeModules([
    { label: "a", bytes: A },
    { label: "b", bytes: B },
  ]);
  assert.deepEqual(await run([merged]), parts);
  // The same in the other order (indices shift the other way).
  const reversed = mergeModules([
    { label: "b", bytes: B },
    { label: "a", bytes: A },
  ]);
  assert.deepEqual(await run([reversed]), parts);
  // The figures themselves: 5 + 'A' (65) + 1 * 'z' (122) ...
  assert.deepEqual(parts.out, [5 + 65 + 1 * 122, 5 + 65 + 2 * 122, 66, 244]);
  assert.equal(parts.sp, 102);
});

/// The merged module's instructions in the text format.
const text = (bytes) => {
  const module = binaryen.readBinary(bytes);
  module.setFeatures(binaryen.Features.All);
  const out = module.emitText();
  module.dispose();
  return out;
};

test("a call through the table to a slot the merged module fills becomes a direct call (issue 19)", async () => {
  // A calls slot 4 through the table; B fills it: merged, A calls B's function directly.
  assert.match(text(A), /call_indirect/);
  const merged = mergeModules([
    { label: "a", bytes: A },
    { label: "b", bytes: B },
  ]);
  assert.doesNotMatch(text(merged), /call_indirect/);
  // Without B the slot is another module's: the call stays indirect, and so does one whose type
  // is not the slot's function's (it traps, merged or not).
  const alone = mergeModules([{ label: "a", bytes: A }]);
  assert.match(text(alone), /call_indirect/);
  const otherType = wasm(`(module ${IMPORTS}
    (type $two (func (param i32 i32) (result i32)))
    (elem (i32.const 6) $caller)
    (func $caller (param i32) (result i32)
      (call_indirect (type $two) (local.get 0) (local.get 0) (i32.const 4))))`);
  const mixed = mergeModules([
    { label: "b", bytes: B },
    { label: "other", bytes: otherType },
  ]);
  assert.match(text(mixed), /call_indirect/);
  const world = linked();
  await WebAssembly.instantiate(mixed, world.imports);
  assert.throws(() => world.table.get(6)(1), /signature|type/i);
});

test("the merged module imports the shared memory, table and global once", () => {
  const merged = mergeModules([
    { label: "a", bytes: A },
    { label: "b", bytes: B },
  ]);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(merged));
  assert.deepEqual(
    imports.map((i) => `${i.module}.${i.name} ${i.kind}`),
    ["__wasm_split.memory memory", "__wasm_split.__indirect_function_table table", "__wasm_split.__wasm_split_shared0 global"],
  );
  assert.deepEqual(WebAssembly.Module.exports(new WebAssembly.Module(merged)), []);
});

// Table-driven: what the merge refuses, and the message that names it.
for (const [what, text, message] of [
  ["an export", `(module ${IMPORTS} (func (export "f")))`, /exports something/],
  ["a start function", `(module ${IMPORTS} (func $s) (start $s))`, /start section/],
  ["a function import", `(module (import "__wasm_split" "f" (func)))`, /imports func __wasm_split\.f/],
  ["its own memory", `(module (memory 1))`, /memory section/],
]) {
  test(`the merge refuses a module with ${what}`, () => {
    assert.throws(() => mergeModules([{ label: "odd", bytes: wasm(text) }]), message);
  });
}

test("the merge refuses two modules that fill the same table slot", () => {
  const other = wasm(`(module ${IMPORTS} (elem (i32.const 2) $f) (func $f (param i32) (result i32) (local.get 0)))`);
  assert.throws(
    () => mergeModules([
      { label: "a", bytes: A },
      { label: "other", bytes: other },
    ]),
    /other and a both fill table slot 2|a and other both fill table slot 2/,
  );
});

test("grouping: modules needed by the same loads go together; split points' own modules stay apart", () => {
  const kb = 1024;
  const modules = [
    { file: "split_a.wasm", own: "a", splits: ["a"], bytes: 100 * kb },
    { file: "split_b.wasm", own: "b", splits: ["b"], bytes: 100 * kb },
    { file: "split_s.wasm", own: "s", splits: ["s"], bytes: 2 * kb },
    { file: "chunk_1.wasm", splits: ["a", "b"], bytes: 1 * kb },
    { file: "chunk_2.wasm", splits: ["a", "b"], bytes: 1 * kb },
    { file: "chunk_3.wasm", splits: ["a", "s"], bytes: 1 * kb },
  ];
  const loads = [["a", "s"], ["b", "s"], ["s"]];
  // Files cost nothing: nothing is merged beyond the same signatures.
  const free = planGroups(modules, loads, { fileMs: 0, kbMs: 1 }).map((g) => g.sort().join(" ")).sort();
  assert.deepEqual(free, ["chunk_1.wasm chunk_2.wasm", "chunk_3.wasm", "split_a.wasm", "split_b.wasm", "split_s.wasm"]);
  // Files cost much, bytes little: everything that may merge does, own modules apart.
  const dear = planGroups(modules, loads, { fileMs: 100, kbMs: 0.001 });
  assert.equal(dear.length, 3);
  for (const own of ["split_a.wasm", "split_b.wasm", "split_s.wasm"]) {
    assert.equal(dear.filter((g) => g.includes(own)).length, 1);
  }
  assert.ok(dear.every((g) => g.filter((f) => f.startsWith("split_")).length === 1));
});

/** A loader as wasm-split-cli 0.2.4 writes it (abridged head). */
const fetcher = (file) => `() => {
    const src = fetch(new URL("./${file}", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
`;
const LOADER = `import { initSync } from "./main.js";
function wrapAsyncCb(callee) {}
function makeLoad(fetcher, deps) {}
/* a, b */
const __chunk_1 = makeLoad(${fetcher("chunk_1.wasm")}, []);
export const __wasm_split_load_b = wrapAsyncCb(makeLoad(${fetcher("split_b.wasm")}, [__chunk_1]));
export const __wasm_split_load_a = wrapAsyncCb(makeLoad(${fetcher("split_a.wasm")}, [__chunk_1]));
`;

test("the loader is read and rewritten to fetch the groups", () => {
  const read = readLoader(LOADER);
  assert.deepEqual(read.chunks, [{ variable: "__chunk_1", file: "chunk_1.wasm", splits: ["a", "b"] }]);
  assert.deepEqual(read.splits.map((s) => [s.name, s.file, s.deps]), [
    ["b", "split_b.wasm", ["__chunk_1"]],
    ["a", "split_a.wasm", ["__chunk_1"]],
  ]);
  const one = (slot) => wasm(`(module ${IMPORTS} (elem (i32.const ${slot}) $f) (func $f))`);
  const files = new Map([
    ["chunk_1.wasm", one(1)],
    ["split_a.wasm", one(2)],
    ["split_b.wasm", one(3)],
  ]);
  const out = groupModules(LOADER, files, (splits) => splits.map((s) => [s]), { fileMs: 100, kbMs: 0 });
  // The chunk joins one split point's file; the other split point fetches that file too.
  assert.equal(out.files.size, 2);
  assert.ok(out.js.startsWith(read.head));
  for (const name of ["a", "b"]) assert.match(out.js, new RegExp(`export const __wasm_split_load_${name} = `));
  const shared = out.groups.find((g) => g.parts.includes("chunk_1.wasm"));
  for (const g of out.groups) assert.match(out.js, new RegExp(`fetch\\(new URL\\("\\./${g.file}", import\\.meta\\.url\\)\\)`));
  assert.deepEqual(shared.splits, ["a", "b"]);
  assert.throws(() => readLoader(LOADER.replace("makeLoad(fetcher", "load(fetcher")), /does not look like/);
});
