//! What the two profilers (profile-import.js, profile-shortlist.js) print of a Chromium CPU
//! profile (CDP `Profiler.stop`): the functions with the most self time and the most total time,
//! and with TREE=1 the call tree down to frames of MIN_MS. Names lose the hash suffixes Rust
//! symbols carry, so one function's frames add up under one name.
"use strict";
const path = require("path");

const short = (s) => s.replace(/::h[0-9a-f]{16}/g, "").replace(/\[[0-9a-f]{16}\]/g, "");

/// Prints `profile`'s summary, every time divided by `per` (the runs profiled); `top` rows a
/// list, `digits` after the point, `min` the tree's default MIN_MS; `heading` gets the ms
/// profiled (per run) and prints first.
function printProfile(profile, { per = 1, top = 40, digits = 1, min = 8, title = (t) => t, heading = () => {} } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (n) => short(n.callFrame.functionName || `(anonymous ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber})`);
  const self = new Map();
  const total = new Map();
  const inclusive = new Map();
  let all = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000 / per;
    all += dt;
    let id = profile.samples[i];
    const leaf = name(byId.get(id));
    self.set(leaf, (self.get(leaf) || 0) + dt);
    // A function on the stack twice (recursion) counts once in its total.
    const seen = new Set();
    for (; id !== undefined; id = parent.get(id)) {
      inclusive.set(id, (inclusive.get(id) || 0) + dt);
      const nm = name(byId.get(id));
      if (!seen.has(nm)) {
        seen.add(nm);
        total.set(nm, (total.get(nm) || 0) + dt);
      }
    }
  }
  heading(all);
  const floor = Number(process.env.MIN_MS || min);
  const tree = (id, depth) => {
    const n = byId.get(id);
    const t = inclusive.get(id) || 0;
    if (t < floor) return;
    console.log(`${t.toFixed(digits).padStart(8)} ${"  ".repeat(depth)}${name(n).slice(0, 110)}`);
    for (const c of (n.children || []).sort((a, b) => (inclusive.get(b) || 0) - (inclusive.get(a) || 0))) tree(c, depth + 1);
  };
  if (process.env.TREE) tree(profile.nodes[0].id, 0);
  for (const [label, map] of [["self time", self], ["total time", total]]) {
    console.log(`\n${title(label)}`);
    for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${v.toFixed(digits).padStart(8)}  ${k.slice(0, 150)}`);
  }
}

module.exports = { printProfile };
