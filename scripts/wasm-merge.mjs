// Merges the split modules wasm-split-cli writes (scripts/build-wasm.mjs) into one module, so a
// section fetches, compiles and instantiates a few files instead of dozens.
//
// What makes this simple: every module wasm-split writes besides the main one has the same shape.
// It imports the main module's memory, function table and shared globals from "__wasm_split", and
// defines functions, active element segments that put some of them into the shared table at
// fixed slots, and active data segments at fixed addresses. It exports nothing and has no start
// function: other modules reach its functions through the table (call_indirect), never by index.
// So merging is concatenating: the imports are unified, every module's functions, types,
// globals, element and data segments get new indices, and the instructions naming those indices
// are rewritten (call, ref.func, call_indirect's type, block types, global.get/set,
// memory.init, data.drop, table.init, elem.drop). The table slots and the data addresses do not
// change, so what the merged module writes into the table and memory when instantiated is what
// its parts wrote.
//
// One rewrite makes the merged module faster than its parts: a call through the table to a fixed
// slot (`i32.const N; call_indirect`, how wasm-split's shims reach another module's function) whose
// slot the merged module fills itself, with a function of the called type, becomes a direct call
// of that function (issue 19: the import's row loop crossed modules this way for its helpers, and
// ran 20% slower split than unsplit). The slot holds that function from instantiation on: every
// slot is filled by one module only (checked below) and nothing else writes wasm-split's slots.
// A call whose slot another module fills, or whose type differs (it traps), stays as it was.
//
// Anything outside that shape (an export, a start function, a defined table or memory, an
// instruction it does not know) stops the build with a message naming it, rather than producing
// a module that might behave differently; the result is validated with WebAssembly.validate.

class Reader {
  constructor(bytes, at = 0, end = bytes.length) {
    this.bytes = bytes;
    this.at = at;
    this.end = end;
  }
  done() {
    return this.at >= this.end;
  }
  byte() {
    if (this.at >= this.end) throw new Error("unexpected end of module");
    return this.bytes[this.at++];
  }
  u32() {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
      if (shift > 28) throw new Error("u32 too long");
    }
  }
  /** A signed LEB128 of up to 64 bits, skipped (its value is never needed). */
  skipLeb() {
    while (this.byte() & 0x80);
  }
  /** Block types and heap types (a signed 33-bit LEB; negative values are value types), and
   * `i32.const`'s immediate. */
  s33() {
    let value = 0;
    let shift = 0;
    let b;
    do {
      b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    if (b & 0x40) value -= 2 ** shift;
    return value;
  }
  take(n) {
    if (this.at + n > this.end) throw new Error("unexpected end of module");
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  name() {
    return Buffer.from(this.take(this.u32())).toString("utf8");
  }
}

class Writer {
  constructor() {
    this.parts = [];
  }
  byte(b) {
    this.parts.push(Buffer.from([b]));
    return this;
  }
  bytes(b) {
    this.parts.push(Buffer.from(b));
    return this;
  }
  u32(value) {
    const out = [];
    do {
      let b = value % 128;
      value = Math.floor(value / 128);
      if (value > 0) b |= 0x80;
      out.push(b);
    } while (value > 0);
    return this.bytes(out);
  }
  s33(value) {
    const out = [];
    for (;;) {
      const b = ((value % 128) + 128) % 128;
      value = Math.floor(value / 128);
      if ((value === 0 && !(b & 0x40)) || (value === -1 && b & 0x40)) {
        out.push(b);
        return this.bytes(out);
      }
      out.push(b | 0x80);
    }
  }
  name(text) {
    const b = Buffer.from(text, "utf8");
    return this.u32(b.length).bytes(b);
  }
  buffer() {
    return Buffer.concat(this.parts);
  }
}

const KIND = ["func", "table", "memory", "global"];

/** Reads a table type, memory type or global type, returning its bytes. */
function readImportDesc(r, kind) {
  const start = r.at;
  if (kind === 0) return r.u32(); // the function's type index (remapped by the caller)
  if (kind === 1) {
    r.byte(); // reference type
    limits(r);
  } else if (kind === 2) {
    limits(r);
  } else if (kind === 3) {
    r.byte(); // value type
    r.byte(); // mutability
  } else {
    throw new Error(`import of unknown kind ${kind}`);
  }
  return Buffer.from(r.bytes.subarray(start, r.at));
}

function limits(r) {
  const flags = r.byte();
  if (flags > 7) throw new Error(`unknown limits flags ${flags}`);
  r.u32();
  if (flags & 1) r.u32();
}

/** A constant expression's bytes up to and including its `end`, with indices rewritten. */
function constExpr(r, map) {
  const w = new Writer();
  for (;;) {
    const op = r.byte();
    w.byte(op);
    if (op === 0x0b) return w.buffer();
    if (op === 0x41 || op === 0x42) {
      const start = r.at;
      r.skipLeb();
      w.bytes(r.bytes.subarray(start, r.at));
    } else if (op === 0x43) w.bytes(r.take(4));
    else if (op === 0x44) w.bytes(r.take(8));
    else if (op === 0x23) w.u32(map.global(r.u32()));
    else if (op === 0xd2) w.u32(map.func(r.u32()));
    else if (op === 0xd0) w.s33(heapType(r.s33(), map));
    else throw new Error(`unexpected opcode 0x${op.toString(16)} in a constant expression`);
  }
}

const heapType = (t, map) => (t >= 0 ? map.type(t) : t);

/** Parses a module into the parts the merge needs. */
function parse(bytes, label) {
  if (bytes.readUInt32LE(0) !== 0x6d736100 || bytes.readUInt32LE(4) !== 1) {
    throw new Error(`${label} is not a wasm module`);
  }
  const m = { label, types: [], imports: [], funcs: [], globals: [], elems: [], datas: [], codes: [] };
  const r = new Reader(bytes, 8);
  while (!r.done()) {
    const id = r.byte();
    const size = r.u32();
    const s = new Reader(bytes, r.at, r.at + size);
    r.at += size;
    const count = () => s.u32();
    switch (id) {
      case 0: {
        // Custom sections: names and producers are dropped; the target features are kept (wasm-opt
        // reads from them which features the module may use).
        const payload = bytes.subarray(s.at, s.end);
        if (s.name() === "target_features") m.features = Buffer.from(payload);
        break;
      }
      case 1:
        for (let n = count(); n > 0; n--) {
          const start = s.at;
          if (s.byte() !== 0x60) throw new Error(`${label}: a type that is not a function type`);
          s.take(s.u32()); // parameters (value types are one byte without the GC proposal)
          s.take(s.u32()); // results
          m.types.push(Buffer.from(bytes.subarray(start, s.at)));
        }
        break;
      case 2:
        for (let n = count(); n > 0; n--) {
          const module = s.name();
          const name = s.name();
          const kind = s.byte();
          m.imports.push({ module, name, kind, desc: readImportDesc(s, kind) });
        }
        break;
      case 3:
        for (let n = count(); n > 0; n--) m.funcs.push(s.u32());
        break;
      case 6:
        for (let n = count(); n > 0; n--) {
          const type = s.take(2); // value type, mutability
          m.globals.push({ type: Buffer.from(type), at: s.at });
          constExprSkip(s);
        }
        break;
      case 9:
        for (let n = count(); n > 0; n--) m.elems.push(readElem(s));
        break;
      case 10:
        for (let n = count(); n > 0; n--) {
          const len = s.u32();
          m.codes.push({ at: s.at, end: s.at + len });
          s.at += len;
        }
        break;
      case 11:
        for (let n = count(); n > 0; n--) m.datas.push(readData(s));
        break;
      case 12: // data count: recomputed
        count();
        break;
      case 7: // exports: an empty list is all a split module may have
        if (count() !== 0) throw new Error(`${label} exports something; split modules are reached through the table`);
        break;
      default:
        throw new Error(`${label} has a ${["custom", "type", "import", "function", "table", "memory", "global", "export", "start"][id] || `#${id}`} section, which split modules never have`);
    }
    if (id !== 0 && !s.done()) throw new Error(`${label}: section ${id} has trailing bytes`);
  }
  if (m.funcs.length !== m.codes.length) throw new Error(`${label}: function and code sections differ`);
  m.bytes = bytes;
  return m;
}

function constExprSkip(r) {
  constExpr(r, { global: (i) => i, func: (i) => i, type: (i) => i });
}

/** An element segment, kept as its parts: flags, table, offset and the function indices or expressions. */
function readElem(r) {
  const flags = r.u32();
  const e = { flags };
  if (flags > 7) throw new Error(`unknown element segment flags ${flags}`);
  if (flags === 2 || flags === 6) e.table = r.u32();
  if (!(flags & 1)) e.offset = { at: r.at, bytes: r.bytes };
  if (!(flags & 1)) constExprSkip(r);
  if (flags & 3) e.kind = r.byte(); // elemkind (flags 1-3) or reference type (5-7)
  const n = r.u32();
  if (flags & 4) {
    e.exprs = [];
    for (let i = 0; i < n; i++) {
      e.exprs.push(r.at);
      constExprSkip(r);
    }
  } else {
    e.funcs = [];
    for (let i = 0; i < n; i++) e.funcs.push(r.u32());
  }
  return e;
}

function readData(r) {
  const flags = r.u32();
  const d = { flags };
  if (flags > 2) throw new Error(`unknown data segment flags ${flags}`);
  if (flags === 2) d.memory = r.u32();
  if (flags !== 1) {
    d.offset = r.at;
    constExprSkip(r);
  }
  d.body = r.take(r.u32());
  return d;
}

/**
 * Rewrites one function body's instructions with `map`. `map.direct(slot, type)` names the
 * merged function a call through the table to `slot` with `type` (merged indices) may call
 * directly, or is undefined.
 */
function rewriteBody(bytes, start, end, map, label) {
  const r = new Reader(bytes, start, end);
  const w = new Writer();
  // Locals: copied as they are.
  const localsStart = r.at;
  for (let n = r.u32(); n > 0; n--) {
    r.u32();
    r.byte();
  }
  w.bytes(bytes.subarray(localsStart, r.at));
  let copied = r.at; // bytes from here to r.at are copied unchanged
  const flush = (upTo) => {
    if (upTo > copied) w.bytes(bytes.subarray(copied, upTo));
  };
  const replace = (from, write) => {
    flush(from);
    write();
    copied = r.at;
  };
  const memarg = () => {
    const align = r.u32();
    if (align & 0x40) throw new Error(`${label}: a memory index in a memarg (multi-memory)`);
    r.u32();
  };
  // The instruction just read, when it is an `i32.const`: where it starts, and its value.
  let constant = null;
  while (!r.done()) {
    const opAt = r.at;
    const op = r.byte();
    const last = constant;
    constant = null;
    if (op >= 0x45 && op <= 0xc4) continue; // numeric instructions, sign extension
    if (op >= 0x28 && op <= 0x3e) {
      memarg();
      continue;
    }
    switch (op) {
      case 0x00: case 0x01: case 0x05: case 0x0b: case 0x0f: case 0x1a: case 0x1b: case 0xd1:
        break;
      case 0x02: case 0x03: case 0x04: {
        const at = r.at;
        const t = r.s33();
        if (t >= 0) replace(at, () => w.s33(map.type(t)));
        break;
      }
      case 0x0c: case 0x0d: case 0x20: case 0x21: case 0x22:
        r.u32();
        break;
      case 0x0e:
        for (let n = r.u32() + 1; n > 0; n--) r.u32();
        break;
      case 0x10: case 0x12: case 0xd2: {
        const at = r.at;
        const f = r.u32();
        replace(at, () => w.u32(map.func(f)));
        break;
      }
      case 0x11: case 0x13: {
        const at = r.at;
        const t = r.u32();
        const table = r.u32();
        // The slot is the last operand: an `i32.const` right before names it.
        const target = last ? map.direct(last.value, map.type(t), map.table(table)) : undefined;
        if (target !== undefined) {
          // call_indirect (0x11) becomes call (0x10), return_call_indirect (0x13) return_call (0x12).
          replace(last.start, () => w.byte(op - 1).u32(target));
        } else {
          replace(at, () => w.u32(map.type(t)).u32(map.table(table)));
        }
        break;
      }
      case 0x1c:
        for (let n = r.u32(); n > 0; n--) r.byte();
        break;
      case 0x23: case 0x24: {
        const at = r.at;
        const g = r.u32();
        replace(at, () => w.u32(map.global(g)));
        break;
      }
      case 0x25: case 0x26: {
        const at = r.at;
        const t = r.u32();
        replace(at, () => w.u32(map.table(t)));
        break;
      }
      case 0x3f: case 0x40:
        if (r.u32() !== 0) throw new Error(`${label}: memory.size/grow of a memory other than 0`);
        break;
      case 0x41:
        constant = { start: opAt, value: r.s33() };
        break;
      case 0x42:
        r.skipLeb();
        break;
      case 0x43:
        r.take(4);
        break;
      case 0x44:
        r.take(8);
        break;
      case 0xd0: {
        const at = r.at;
        const t = r.s33();
        if (t >= 0) replace(at, () => w.s33(map.type(t)));
        break;
      }
      case 0xfc: {
        const sub = r.u32();
        if (sub <= 7) break; // saturating truncations
        const at = r.at;
        if (sub === 8) {
          const d = r.u32();
          const mem = r.u32();
          replace(at, () => w.u32(map.data(d)).u32(mem));
        } else if (sub === 9) {
          const d = r.u32();
          replace(at, () => w.u32(map.data(d)));
        } else if (sub === 10) {
          r.u32();
          r.u32();
        } else if (sub === 11) {
          r.u32();
        } else if (sub === 12) {
          const e = r.u32();
          const t = r.u32();
          replace(at, () => w.u32(map.elem(e)).u32(map.table(t)));
        } else if (sub === 13) {
          const e = r.u32();
          replace(at, () => w.u32(map.elem(e)));
        } else if (sub === 14) {
          const a = r.u32();
          const b = r.u32();
          replace(at, () => w.u32(map.table(a)).u32(map.table(b)));
        } else if (sub <= 17) {
          const t = r.u32();
          replace(at, () => w.u32(map.table(t)));
        } else {
          throw new Error(`${label}: unknown instruction 0xfc ${sub}`);
        }
        break;
      }
      default:
        throw new Error(`${label}: instruction 0x${op.toString(16)} is not one the merge knows (SIMD, atomics, exceptions, GC?)`);
    }
  }
  flush(r.at);
  return w.buffer();
}

function section(out, id, count, body) {
  if (count === 0) return;
  const w = new Writer().u32(count);
  for (const part of body) w.bytes(part);
  const content = w.buffer();
  out.byte(id).u32(content.length).bytes(content);
}

/**
 * Merges split modules (`[{ label, bytes }]`) into one; returns its bytes. Their imports must
 * only be the main module's shared memory, table and globals (imports of the same thing become
 * one), and no two of them may fill the same table slot.
 */
export function mergeModules(inputs) {
  const modules = inputs.map(({ label, bytes }) => parse(Buffer.from(bytes), label));
  const types = [];
  const typeIndex = new Map();
  const imports = [];
  const importIndex = new Map();
  const importCount = [0, 0, 0, 0];
  const maps = [];
  // Imports first: they open every index space.
  for (const m of modules) {
    const typeMap = m.types.map((t) => {
      const key = t.toString("hex");
      if (!typeIndex.has(key)) {
        typeIndex.set(key, types.length);
        types.push(t);
      }
      return typeIndex.get(key);
    });
    const spaces = [[], [], [], []];
    for (const imp of m.imports) {
      if (imp.module !== "__wasm_split" || imp.kind === 0) {
        throw new Error(`${m.label} imports ${KIND[imp.kind]} ${imp.module}.${imp.name}; split modules only import the main module's memory, table and globals`);
      }
      const desc = imp.desc;
      const key = `${imp.kind}\0${imp.module}\0${imp.name}`;
      const known = importIndex.get(key);
      if (known && !known.desc.equals(desc)) {
        throw new Error(`${imp.module}.${imp.name} is imported with two different types`);
      }
      if (!known) {
        importIndex.set(key, { index: importCount[imp.kind]++, desc });
        imports.push({ ...imp, desc });
      }
      spaces[imp.kind].push(importIndex.get(key).index);
    }
    maps.push({ typeMap, spaces });
  }
  if (importCount[1] > 1 || importCount[2] > 1) throw new Error("the modules import more than one table or memory");
  // Then the definitions, module after module.
  let funcs = 0;
  let globals = importCount[3];
  let elems = 0;
  let datas = 0;
  const funcSection = [];
  const globalSection = [];
  const elemSection = [];
  const dataSection = [];
  const codeSection = [];
  // Table slot -> the module that fills it and, where it names a function, that function's
  // merged index and type.
  const slots = new Map();
  const direct = (slot, type, table) => {
    const f = table === 0 ? slots.get(slot) : undefined;
    return f && f.func !== undefined && f.type === type ? f.func : undefined;
  };
  const bodies = [];
  modules.forEach((m, k) => {
    const { typeMap, spaces } = maps[k];
    const funcBase = funcs;
    const globalBase = globals;
    const elemBase = elems;
    const dataBase = datas;
    const check = (what, i, n) => {
      if (!(i < n)) throw new Error(`${m.label}: ${what} index ${i} out of range`);
      return i;
    };
    const map = {
      type: (i) => typeMap[check("type", i, typeMap.length)],
      func: (i) => funcBase + check("function", i, m.funcs.length), // no function imports
      table: (i) => spaces[1][check("table", i, spaces[1].length)],
      global: (i) =>
        i < spaces[3].length ? spaces[3][i] : globalBase + check("global", i - spaces[3].length, m.globals.length),
      elem: (i) => elemBase + check("element segment", i, m.elems.length),
      data: (i) => dataBase + check("data segment", i, m.datas.length),
      direct,
    };
    funcs += m.funcs.length;
    globals += m.globals.length;
    elems += m.elems.length;
    datas += m.datas.length;
    for (const t of m.funcs) funcSection.push(new Writer().u32(map.type(t)).buffer());
    for (const g of m.globals) {
      globalSection.push(Buffer.concat([g.type, constExpr(new Reader(m.bytes, g.at), map)]));
    }
    for (const e of m.elems) {
      const w = new Writer().u32(e.flags);
      if (e.flags === 2 || e.flags === 6) w.u32(map.table(e.table));
      if (!(e.flags & 1)) {
        const offset = new Reader(e.offset.bytes, e.offset.at);
        if (e.flags === 0 || e.flags === 2) {
          // Which table slots this segment fills: no two modules may fill the same one.
          const o = new Reader(e.offset.bytes, e.offset.at);
          if (o.byte() === 0x41) {
            const first = o.u32();
            const items = e.funcs || e.exprs;
            for (let i = 0; i < items.length; i++) {
              const owner = slots.get(first + i);
              if (owner !== undefined && owner.label !== m.label) {
                throw new Error(`${m.label} and ${owner.label} both fill table slot ${first + i}`);
              }
              const slot = { label: m.label };
              if (e.funcs) {
                const f = e.funcs[i];
                slot.func = map.func(f);
                slot.type = map.type(m.funcs[check("function", f, m.funcs.length)]);
              }
              slots.set(first + i, slot);
            }
          }
        }
        w.bytes(constExpr(offset, map));
      }
      if (e.flags & 3) w.byte(e.kind);
      if (e.funcs) {
        w.u32(e.funcs.length);
        for (const f of e.funcs) w.u32(map.func(f));
      } else {
        w.u32(e.exprs.length);
        for (const at of e.exprs) w.bytes(constExpr(new Reader(m.bytes, at), map));
      }
      elemSection.push(w.buffer());
    }
    for (const d of m.datas) {
      const w = new Writer().u32(d.flags);
      if (d.flags === 2) w.u32(d.memory);
      if (d.flags !== 1) w.bytes(constExpr(new Reader(m.bytes, d.offset), map));
      w.u32(d.body.length).bytes(d.body);
      dataSection.push(w.buffer());
    }
    bodies.push([m, map]);
  });
  // The code last, once every slot the merged module fills is known.
  for (const [m, map] of bodies) {
    for (const c of m.codes) {
      const body = rewriteBody(m.bytes, c.at, c.end, map, m.label);
      codeSection.push(Buffer.concat([new Writer().u32(body.length).buffer(), body]));
    }
  }
  const out = new Writer().bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  section(out, 1, types.length, types);
  section(
    out,
    2,
    imports.length,
    imports.map((imp) => new Writer().name(imp.module).name(imp.name).byte(imp.kind).bytes(imp.desc).buffer()),
  );
  section(out, 3, funcSection.length, funcSection);
  section(out, 6, globalSection.length, globalSection);
  section(out, 9, elemSection.length, elemSection);
  if (dataSection.length > 0) {
    // The data count section: required when code names data segments (memory.init, data.drop).
    const c = new Writer().u32(dataSection.length).buffer();
    out.byte(12).u32(c.length).bytes(c);
  }
  section(out, 10, codeSection.length, codeSection);
  section(out, 11, dataSection.length, dataSection);
  // The target features: every feature any part uses (wasm-opt and rustc write them in
  // different orders, and wasm-opt adds some).
  const features = new Map();
  for (const m of modules.filter((m) => m.features)) {
    const r = new Reader(m.features);
    r.name(); // "target_features"
    for (let n = r.u32(); n > 0; n--) {
      const prefix = r.byte();
      const name = r.name();
      if (features.has(name) && features.get(name) !== prefix) {
        throw new Error(`${m.label} and another module disagree on the wasm feature ${name}`);
      }
      features.set(name, prefix);
    }
  }
  if (features.size > 0) {
    const w = new Writer().name("target_features").u32(features.size);
    for (const [name, prefix] of [...features].sort()) w.byte(prefix).name(name);
    const payload = w.buffer();
    out.byte(0).u32(payload.length).bytes(payload);
  }
  const merged = out.buffer();
  if (!WebAssembly.validate(merged)) {
    throw new Error(`merging ${inputs.map((i) => i.label).join(", ")} made a module that does not validate`);
  }
  return merged;
}
