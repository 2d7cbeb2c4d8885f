#!/usr/bin/env node
// Builds kWhich's model as an ES module for other pages and notebooks (js/, the crate
// `kwhich-model`) into DIR: `kwhich-model.js` and `kwhich-model_bg.wasm`, which a page
// on the same host imports as `import { evaluate } from "./kwhich-model.js"`. The page
// itself never loads them (its first load is unchanged) and the service worker does not
// precache them (scripts/post-build.mjs leaves them out).
//
//   node scripts/model-js.mjs DIR       (scripts/post-build.mjs runs it on every build)
//
// 1. cargo builds the crate for wasm32 (release: the workspace's size profile), without the
//    page (`kwhich` with no default features).
// 2. wasm-bindgen (the version the page pins, on PATH) writes the web glue as
//    kwhich-model.js, and a few lines appended to it load the Wasm when the module is
//    imported: fetched beside the script in a browser, read from disk in Node. So an
//    importer calls `evaluate` at once, with no `init()`.
// 3. wasm-opt -Oz shrinks the Wasm.
// The finished pair is kept under target/kwhich-model-js/ with the digest of the Wasm cargo
// wrote: a build that changed nothing in the model copies it instead of steps 2 and 3.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TARGET = process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(ROOT, "target");
const NAME = "kwhich-model";
export const MODEL_FILES = [`${NAME}.js`, `${NAME}_bg.wasm`];

/** Runs TOOL with ARGS in the repository; throws with its output when it fails. */
function run(tool, args) {
  const r = spawnSync(tool, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.error) throw new Error(`${tool}: ${r.error.code === "ENOENT" ? "not on PATH (scripts/bootstrap installs it)" : r.error.message}`);
  if (r.status !== 0) throw new Error(`${tool} ${args.join(" ")} exited ${r.status}:\n${r.stderr}${r.stdout}`);
}

// Appended to wasm-bindgen's glue (`--target web`, whose default export loads the Wasm):
// top-level await, so the module is ready once imported.
const READY_ON_IMPORT = `
// Added by scripts/model-js.mjs: the Wasm is loaded when this module is imported, from
// beside it (a browser fetches it; Node, which cannot fetch a file: URL, reads it).
const kwhichWasm = new URL("${NAME}_bg.wasm", import.meta.url);
await __wbg_init({
  module_or_path: kwhichWasm.protocol === "file:" ? (await import("node:fs/promises")).readFile(kwhichWasm) : kwhichWasm,
});
`;

/**
 * `wasm` without its `reloc.*` custom sections: the workspace's wasm32 flags keep the
 * linker's relocations for the page's split (.cargo/config.toml), which this module does
 * not need (about 100 KB), and wasm-opt keeps unknown custom sections.
 */
function withoutRelocations(wasm) {
  const kept = [wasm.subarray(0, 8)];
  let at = 8;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++];
    const size = leb();
    const body = at;
    at = body + size;
    if (id === 0) {
      const nameStart = body;
      const save = at;
      at = nameStart;
      const length = leb();
      const name = wasm.subarray(at, at + length).toString("utf8");
      at = save;
      if (name.startsWith("reloc.")) continue;
    }
    kept.push(wasm.subarray(start, at));
  }
  return Buffer.concat(kept);
}

/** Builds the module into `dir`; returns what it did, for the build's log. */
export function buildModelJs(dir) {
  run("cargo", ["build", "--quiet", "--release", "--target", "wasm32-unknown-unknown", "-p", NAME]);
  const raw = path.join(TARGET, "wasm32-unknown-unknown", "release", "kwhich_model.wasm");
  const digest = createHash("sha256").update(readFileSync(raw)).digest("hex");
  const cache = path.join(TARGET, "kwhich-model-js");
  const stamp = path.join(cache, "source.sha256");
  const cached = existsSync(stamp) && readFileSync(stamp, "utf8") === digest && MODEL_FILES.every((f) => existsSync(path.join(cache, f)));
  if (!cached) {
    mkdirSync(cache, { recursive: true });
    run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", cache, "--out-name", NAME, raw]);
    const glue = path.join(cache, `${NAME}.js`);
    const js = readFileSync(glue, "utf8");
    if (!/\basync function __wbg_init\b/.test(js)) throw new Error(`${glue}: wasm-bindgen's glue has no __wbg_init to call`);
    writeFileSync(glue, js + READY_ON_IMPORT);
    const wasm = path.join(cache, `${NAME}_bg.wasm`);
    writeFileSync(wasm, withoutRelocations(readFileSync(wasm)));
    run("wasm-opt", ["-Oz", "--strip-debug", "--strip-producers", wasm, "-o", wasm]);
    writeFileSync(stamp, digest);
  }
  mkdirSync(dir, { recursive: true });
  for (const f of MODEL_FILES) copyFileSync(path.join(cache, f), path.join(dir, f));
  const size = readFileSync(path.join(dir, `${NAME}_bg.wasm`)).length;
  return `${MODEL_FILES.join(" + ")} (${(size / 1024).toFixed(1)} KB Wasm${cached ? ", unchanged" : ""})`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/model-js.mjs DIR");
    process.exit(2);
  }
  try {
    console.log(`model-js: ${buildModelJs(path.resolve(dir))}`);
  } catch (err) {
    console.error(`model-js: FAILED: ${err.message}`);
    process.exit(1);
  }
}
