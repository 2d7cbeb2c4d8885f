// Splits the page's Wasm into the first screen's module and chunks loaded after it, inside
// Trunk's staging folder (called by scripts/post-build.mjs, Trunk's post_build hook).
//
// Trunk 0.21 cannot split a Wasm: it builds the app with `data-wasm-opt="0"` and
// `data-integrity="none"` (index.html) and leaves the split points of src/ui/lazy.rs as
// imports of "__wasm_split_placeholder__", which no browser can load. This redoes the last
// steps by hand, from the raw Wasm that cargo left in target/ (linked with
// `--emit-relocs`, .cargo/config.toml):
//
// 1. `wasm-split-cli` cuts it into the main module, one module per split point, and
//    chunks of code that several split points share, plus `__wasm_split.js`, which loads
//    them (a `fetch` relative to its own URL, the same origin: 'self' in the CSP);
// 2. `wasm-bindgen --target web --keep-lld-exports` turns the main module into Trunk's
//    `NAME.js` and `NAME_bg.wasm`, under the names Trunk gave them (index.html keeps
//    pointing at them), keeping the exports the chunks import;
// 3. `wasm-opt -Oz` (release only) shrinks each .wasm, and the first module's imports of
//    wasm-bindgen's glue get one- and two-letter names (scripts/short-imports.mjs), in the
//    Wasm and the glue alike;
// 4. every chunk and the loader get a name with a hash of their content, as Trunk's own
//    files have (the service worker treats such names as immutable), and the references
//    are rewritten: the chunks' names in the loader, only the "./__wasm_split.js" import
//    in Trunk's JS.
//
// The service worker written after this (scripts/post-build.mjs) precaches every file of
// the folder, the chunks included; the hook also gives Trunk's JS and Wasm back the
// integrity attributes that `data-integrity="none"` left out (their bytes changed here).
// Run again on a folder it has split, it changes nothing and reports what is there.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { shortenImports } from "./short-imports.mjs";

const LOADER = "__wasm_split.js";
const APP = "kwhich-app"; // the `data-bin` of index.html's rust link

const hash16 = (data) => createHash("sha256").update(data).digest("hex").slice(0, 16);

/** Runs TOOL with ARGS; throws with its output when it fails. */
function run(tool, args) {
  const r = spawnSync(tool, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.error) throw new Error(`${tool}: ${r.error.code === "ENOENT" ? "not on PATH (scripts/bootstrap installs it)" : r.error.message}`);
  if (r.status !== 0) throw new Error(`${tool} ${args.join(" ")} exited ${r.status}:\n${r.stderr}${r.stdout}`);
}

/**
 * Splits the Wasm in `dir` (Trunk's staging folder). `profile` is "release" or "debug";
 * `targetDir` is cargo's target folder. Returns `{ stem, loader, chunks, done }`: Trunk's
 * name for the app, the loader's file name, the chunks' file names, and whether it split
 * now (false when the folder was split before: the hook run again on a finished build).
 */
export function splitWasm(dir, { profile = "release", targetDir }) {
  // Trunk's names: NAME.js and NAME_bg.wasm, NAME = kwhich-app-<hash of the unsplit Wasm>.
  const names = readdirSync(dir).filter((f) => f.startsWith(`${APP}-`) && f.endsWith("_bg.wasm"));
  if (names.length !== 1) throw new Error(`expected one ${APP}-*_bg.wasm in ${dir}, found ${names.length}`);
  const stem = names[0].slice(0, -"_bg.wasm".length);
  const jsPath = path.join(dir, `${stem}.js`);
  if (!existsSync(jsPath)) throw new Error(`${stem}.js is missing from ${dir}`);
  const js = readFileSync(jsPath, "utf8");
  // Only the module specifiers: the keys of the Wasm's import object keep the name the
  // Wasm asks for ("./__wasm_split.js").
  const IMPORT = /(\bfrom\s*)(["'])\.\/__wasm_split\.js\2/g;
  const SPLIT = /\bfrom\s*["']\.\/(__wasm_split-[0-9a-f]{16}\.js)["']/;
  if (!js.includes("__wasm_split_placeholder__")) {
    const loader = SPLIT.exec(js)?.[1];
    if (!loader) throw new Error(`${stem}.js has no split points and no loader: was the app built with src/ui/lazy.rs?`);
    const chunks = [...readFileSync(path.join(dir, loader), "utf8").matchAll(/"\.\/([\w-]+\.wasm)"/g)].map((m) => m[1]);
    return { stem, loader, chunks: [...new Set(chunks)], done: false };
  }
  const raw = path.join(targetDir, "wasm32-unknown-unknown", profile, `${APP}.wasm`);
  if (!existsSync(raw)) throw new Error(`${raw} is missing: the hook must run after Trunk's cargo build`);

  const work = mkdtempSync(path.join(tmpdir(), "kwhich-split-"));
  try {
    // 1. Split. The loader imports `initSync` from "./STEM.js": Trunk's JS, by its name.
    run("wasm-split-cli", [raw, work, "--out-name", stem]);
    // 2. The main module through wasm-bindgen, over Trunk's files.
    run("wasm-bindgen", ["--target", "web", "--keep-lld-exports", "--no-typescript", "--out-dir", dir, "--out-name", stem, path.join(work, `${stem}.wasm`)]);
    const wasms = [path.join(dir, `${stem}_bg.wasm`)];
    const chunks = readdirSync(work).filter((f) => f.endsWith(".wasm") && f !== `${stem}.wasm`);
    wasms.push(...chunks.map((f) => path.join(work, f)));
    // 3. Shrink every module (Trunk's own wasm-opt is off: it ran before the split).
    if (profile === "release") for (const w of wasms) run("wasm-opt", ["-Oz", w, "-o", w]);
    // 4. Content-hashed names for the chunks, then for the loader that names them.
    let loader = readFileSync(path.join(work, LOADER), "utf8");
    const hashedChunks = [];
    for (const chunk of chunks) {
      const data = readFileSync(path.join(work, chunk));
      const hashed = `${chunk.slice(0, -".wasm".length)}-${hash16(data)}.wasm`;
      const ref = `"./${chunk}"`;
      if (!loader.includes(ref)) throw new Error(`${LOADER} does not name ${chunk}`);
      loader = loader.replaceAll(ref, `"./${hashed}"`);
      writeFileSync(path.join(dir, hashed), data);
      hashedChunks.push(hashed);
    }
    const loaderName = `${LOADER.slice(0, -".js".length)}-${hash16(loader)}.js`;
    writeFileSync(path.join(dir, loaderName), loader);
    let bound = readFileSync(jsPath, "utf8");
    if (profile === "release") {
      const main = path.join(dir, `${stem}_bg.wasm`);
      const short = shortenImports(readFileSync(main), bound);
      writeFileSync(main, short.wasm);
      bound = short.js;
    }
    if (!IMPORT.test(bound)) throw new Error(`${stem}.js does not import ./${LOADER}: nothing was split`);
    writeFileSync(jsPath, bound.replace(IMPORT, `$1$2./${loaderName}$2`));
    return { stem, loader: loaderName, chunks: hashedChunks, done: true };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
