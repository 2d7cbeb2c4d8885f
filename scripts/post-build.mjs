#!/usr/bin/env node
// Trunk's post_build hook (Trunk.toml): runs on the finished build in the staging folder,
// after Trunk has written the final index.html there and before it becomes dist/.
//
// 0. Splits the Wasm into the first screen's module and the chunks loaded after it
//    (scripts/split-wasm.mjs), before anything below lists or hashes the files.
// 1. Writes a Content-Security-Policy <meta> into index.html, with the sha256 of every
//    inline script (Trunk's module loader, the error handler in index.html, the live-reload
//    script of `trunk serve`) and the API's origin in connect-src (KWHICH_API_BASE, the same
//    build variable the Wasm reads; default https://mempool.space).
//    It also writes the resize script for embeds under a name with its hash
//    (kwhich-embed-<hash>.js, beside kwhich-embed.js which older snippets name) and its
//    name and sha384 into `<meta name="kwhich-embed" content="NAME sha384-…">`, which the
//    embed panel reads: a snippet names the file it was written for, with its integrity.
// 2. Writes sw.js, the service worker that keeps the page working offline, from the
//    template scripts/sw.js: it precaches every built file in a cache named after this
//    build, deletes the older builds' caches when it activates, answers from the network
//    first and from its cache when the network fails, answers 5xx, or leaves a page
//    unanswered for 3 s, and never touches a request to another origin. Before it lists the
//    files, it builds the model as an ES module beside the page (scripts/model-js.mjs:
//    kwhich-model.js and its Wasm), which it leaves out of the list.
//
//   node scripts/post-build.mjs [DIR]     DIR defaults to $TRUNK_STAGING_DIR
//
// What this hook relies on in the index.html that Trunk writes (a change there must keep
// these, or change the hook). The first three are checked: without them the build fails.
// - `<meta charset…>` (else `<head…>`): the policy and the API's <meta> go right after it,
//   and any earlier copies of those two (`http-equiv="Content-Security-Policy"`,
//   `name="kwhich-api"`) are removed first.
// - Inline scripts are `<script…>…</script>` without `src`: each is hashed into
//   script-src exactly as written between its tags (Trunk's loader, index.html's own
//   error handler, `trunk serve`'s reload script with its `{{__TRUNK_…__}}` placeholders).
// - Preloads are `<link … rel="modulepreload|preload" … href="…">` of files in the build
//   (any public URL before the name): each gets `integrity`; the preload of the app's JS
//   (`<stem>.js`) gets the split loader's preload beside it.
// - The rust link carries `data-wasm-opt="0"` and `data-integrity="none"` (the split
//   below rewrites the Wasm and JS after Trunk, so Trunk's own hashes would be wrong; not
//   checked here: the browser tests fail on a page whose integrity does not match).
//
// Running it again on its own output gives the same files: the Wasm is split once, the
// integrity attributes and the policy are replaced, not added.

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { defaultAnswer, withAnswer } from "./answer-html.mjs";
import { buildModelJs, MODEL_FILES } from "./model-js.mjs";
import { splitWasm } from "./split-wasm.mjs";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
const fail = (msg) => {
  console.error(`post-build: FAILED: ${msg}`);
  process.exit(1);
};
if (!dir) fail("no folder: pass one, or run as Trunk's post_build hook ($TRUNK_STAGING_DIR)");

// --- The Wasm, split -------------------------------------------------------------------

let split;
try {
  split = splitWasm(dir, {
    profile: process.env.TRUNK_PROFILE ?? "release",
    targetDir: process.env.CARGO_TARGET_DIR
      ? path.resolve(process.env.CARGO_TARGET_DIR)
      : path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "target"),
  });
} catch (err) {
  fail(`splitting the Wasm: ${err.message}`);
}

const indexPath = path.join(dir, "index.html");
let html;
try {
  html = readFileSync(indexPath, "utf8");
} catch (err) {
  fail(`${indexPath} cannot be read (${err.code}): the hook must run at stage "post_build"`);
}

// The default scenario's answer, in the HTML itself (scripts/answer-html.mjs).
try {
  html = withAnswer(html, defaultAnswer());
} catch (err) {
  fail(`writing the default answer into index.html: ${err.message}`);
}

// --- Integrity of the split files ------------------------------------------------------

// Trunk wrote no integrity for the app's JS, Wasm and snippets (`data-integrity="none"`:
// the split above changes their bytes); each preload gets sha384 of what is now there, as
// Trunk writes it. The chunks' loader, which Trunk's JS imports, is preloaded beside it.
const sri = (file) => "sha384-" + createHash("sha384").update(readFileSync(path.join(dir, file))).digest("base64");
// The file in `dir` that an href names, whatever the public URL before it ("./", "/kwhich/").
const fileOf = (href) => {
  const parts = href.replace(/[?#].*$/, "").split("/").filter((p) => p && p !== ".");
  for (let i = 0; i < parts.length; i++) {
    const rel = parts.slice(i).join("/");
    if (rel && existsSync(path.join(dir, rel)) && statSync(path.join(dir, rel)).isFile()) return rel;
  }
  return null;
};
const PRELOADS = /<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>/g;
html = html.replace(PRELOADS, (tag) => (tag.includes(`/${split.loader}"`) ? "" : tag));
html = html.replace(PRELOADS, (tag) => {
  const file = fileOf(/\bhref="([^"]*)"/.exec(tag)?.[1] ?? "");
  if (!file) fail(`index.html preloads a file that is not in the build: ${tag}`);
  const withSri = tag.replace(/\s+integrity="[^"]*"/, "").replace(/\s*\/?>$/, (end) => ` integrity="${sri(file)}"${end}`);
  if (file !== `${split.stem}.js`) return withSri;
  const loaderHref = /\bhref="([^"]*)"/.exec(tag)[1].replace(/[^/]*$/, split.loader);
  return `${withSri}<link rel="modulepreload" href="${loaderHref}" crossorigin="anonymous" integrity="${sri(split.loader)}">`;
});
if (!html.includes(`/${split.loader}"`)) fail(`index.html has no preload of ${split.stem}.js to put the loader beside`);

// --- Content-Security-Policy ----------------------------------------------------------

const DEFAULT_API_BASE = "https://mempool.space";
// Without a trailing slash: the page appends "/api/…".
const apiBase = (process.env.KWHICH_API_BASE || DEFAULT_API_BASE).replace(/\/+$/, "");
let apiOrigin;
try {
  const url = new URL(apiBase);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`scheme ${url.protocol}`);
  apiOrigin = url.origin;
} catch (err) {
  fail(`KWHICH_API_BASE=${JSON.stringify(apiBase)} is not an http(s) URL (${err.message})`);
}

// `trunk serve` fills two placeholders of its reload script as it serves the page, which
// would change the script's hash: fill them here as it would (the page's own host, the
// public URL's path; a custom `ws_base` is not followed), so it serves the hashed script.
if (html.includes("{{__TRUNK_ADDRESS__}}")) {
  const pub = process.env.TRUNK_PUBLIC_URL ?? "/";
  let wsBase = /^[a-z]+:\/\//i.test(pub) ? new URL(pub).pathname : pub.replace(/^\.(?=\/|$)/, "");
  if (!wsBase.startsWith("/")) wsBase = "/" + wsBase;
  if (!wsBase.endsWith("/")) wsBase += "/";
  html = html
    .replace(/(['`])\{\{__TRUNK_ADDRESS__\}\}\1/g, "window.location.host")
    .replaceAll("{{__TRUNK_WS_BASE__}}", wsBase);
}

const sha256 = (text) => "'sha256-" + createHash("sha256").update(text, "utf8").digest("base64") + "'";
// An inline script is a <script> without src; its hash covers exactly the text between the tags.
const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
  .filter(([, attrs]) => !/\bsrc\s*=/i.test(attrs))
  .map(([, , body]) => body);
if (!inline.length) fail("index.html has no inline script: Trunk's loader is missing");
const hashes = [...new Set(inline.map(sha256))];

const policy = [
  "default-src 'self'",
  `script-src 'self' ${hashes.join(" ")} 'wasm-unsafe-eval'`,
  `connect-src 'self' ${apiOrigin}`,
  "img-src 'self' data:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");
// --- The embed's resize script, named after its hash ----------------------------------

// The file a deploy can change without breaking pasted snippets: each version has its own
// name, and the snippet carries its integrity. kwhich-embed.js stays for older snippets.
const RESIZER = "kwhich-embed.js";
if (!existsSync(path.join(dir, RESIZER))) fail(`${RESIZER} is not in the build (public/ is copied by index.html)`);
const resizerBytes = readFileSync(path.join(dir, RESIZER));
const resizerName = `kwhich-embed-${createHash("sha256").update(resizerBytes).digest("hex").slice(0, 16)}.js`;
for (const old of readdirSync(dir)) {
  if (/^kwhich-embed-[0-9a-f]+\.js$/.test(old) && old !== resizerName) rmSync(path.join(dir, old));
}
writeFileSync(path.join(dir, resizerName), resizerBytes);
const resizerSri = sri(resizerName);

// The API's address for the page's live-data button (src/ui/web.rs reads it): here rather
// than in the Wasm, so a build for another API compiles nothing again.
const meta =
  `<meta http-equiv="Content-Security-Policy" content="${policy}">\n  ` +
  `<meta name="kwhich-api" content="${apiBase.replace(/"/g, "&quot;")}">\n  ` +
  `<meta name="kwhich-embed" content="${resizerName} ${resizerSri}">`;

const OURS = /<meta\s+(?:http-equiv=["']?Content-Security-Policy["']?|name=["']?kwhich-(?:api|embed)["']?)[^>]*>\s*/gi;
html = html.replace(OURS, "");
// Right after the charset, so that it governs every script, link and preload below it.
const charset = /<meta\s+charset[^>]*>/i.exec(html);
const head = /<head[^>]*>/i.exec(html);
const at = charset ?? head;
if (!at) fail("index.html has neither <meta charset> nor <head>");
const pos = at.index + at[0].length;
html = `${html.slice(0, pos)}\n  ${meta}${html.slice(pos)}`;
writeFileSync(indexPath, html);

// --- The model as an ES module ---------------------------------------------------------

// kwhich-model.js and its Wasm, for other pages and notebooks (scripts/model-js.mjs). The
// page never loads them, and the worker below leaves them out: a visit stores nothing of them.
let modelJs;
try {
  modelJs = buildModelJs(dir);
} catch (err) {
  fail(`building kwhich-model.js: ${err.message}`);
}

// --- Service worker -------------------------------------------------------------------

const SW = "sw.js";
const files = [];
const walk = (rel) => {
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    const child = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, child)).isDirectory()) walk(child);
    else if (child !== SW && !MODEL_FILES.includes(child)) files.push(child);
  }
};
walk("");
// The build's identity: every file's name and bytes (index.html with its policy included).
const build = createHash("sha256");
for (const f of files) build.update(f).update("\0").update(readFileSync(path.join(dir, f))).update("\0");
const buildHash = build.digest("hex").slice(0, 16);
// index.html is cached as the folder's own address, which every share link opens.
const precache = files.map((f) => (f === "index.html" ? "./" : `./${f}`));

// scripts/sw.js is the worker, a real file (linted, `node --check`ed); its two marked
// values are this build's. Each marker must be there exactly once, or the hook fails.
const template = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "sw.js"), "utf8");
const fill = (text, marker, value) => {
  const pattern = new RegExp(`/\\* ${marker} \\*/ (?:"[^"\\n]*"|\\[\\])`, "g");
  const found = text.match(pattern)?.length ?? 0;
  if (found !== 1) fail(`scripts/sw.js has ${found} "/* ${marker} */" values, expected 1`);
  return text.replace(pattern, () => JSON.stringify(value));
};
const worker = fill(fill(template, "KWHICH_BUILD", buildHash), "KWHICH_FILES", precache);
writeFileSync(path.join(dir, SW), worker);

console.log(
  `post-build: Wasm ${split.done ? "split" : "split before"}: ${split.chunks.length} chunks, loader ${split.loader}; ${path.basename(indexPath)}: Content-Security-Policy with ${hashes.length} script hash(es), connect-src ${apiOrigin}; ${resizerName}; ` +
    `${SW}: build ${buildHash}, ${precache.length} files; ${modelJs}`,
);
