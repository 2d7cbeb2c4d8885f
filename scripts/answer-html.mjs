// The default scenario's answer, written into index.html at build time (called by
// scripts/post-build.mjs): the evaluator prints the first screen as the page's boot module
// writes it (`kwhich answer ""`: src/text/answer_html.rs, the same code and figures), so a
// reader of the default page sees the answer as soon as the HTML arrives. index.html's
// inline script puts the loading line back for any other link (it waits for its own
// answer), and the boot module (src/ui/boot.rs) writes the same markup again.
//
// The evaluator is KWHICH_BIN when set, else `cargo run --release --bin kwhich`.

import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const PLACEHOLDER = /<div id="app"( data-answer="")?>[\s\S]*?(<noscript>)/;

/** The default scenario's answer as HTML, from the evaluator. */
export function defaultAnswer() {
  const [cmd, args] = process.env.KWHICH_BIN
    ? [process.env.KWHICH_BIN, ["answer", ""]]
    : ["cargo", ["run", "--release", "--quiet", "--bin", "kwhich", "--", "answer", ""]];
  // Trunk's hook environment points cargo at the Wasm target: the evaluator is native.
  const env = { ...process.env };
  delete env.CARGO_BUILD_TARGET;
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", env, maxBuffer: 1 << 24 });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: ${r.error?.message ?? r.stderr}`);
  if (!r.stdout.includes('data-metric="')) throw new Error("the evaluator wrote no answer");
  return r.stdout;
}

/** `html` with `answer` in `#app` (before its <noscript>), marked `data-answer`. */
export function withAnswer(html, answer) {
  if (!PLACEHOLDER.test(html)) throw new Error('index.html has no <div id="app">…<noscript> to write the answer into');
  return html.replace(PLACEHOLDER, (_, _marked, noscript) => `<div id="app" data-answer="">${answer}${noscript}`);
}
