// kWhich's "Use today's network": the four requests to the mempool.space REST API, at once
// and under one time limit. The page imports this module on the first press only (src/ui/web.rs),
// so a reader who never presses never loads it.
//
// No referrer (the page's address holds the reader's scenario) and no cookie go with the
// requests. Each answer must have the shape the API documents. `done` gets one line that
// src/model/live.rs reads, tab-separated: "ok", where and when ("mempool.space, 25 Nov 2026
// 14:03 UTC"), the price in USD, the difficulty, the fees of the last 144 blocks in satoshis
// and the block height, each as its JSON gave it; or "error" and a sentence naming the first
// request that failed, in that order.

// `base` is the API's address without a trailing slash ("https://mempool.space").
export function fetchNetwork(base, seconds, done) {
  const host = new URL(base).host;
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), seconds * 1000);
  const num = (v) => (typeof v === "number" && isFinite(v) ? v : undefined);
  const ask = (what, path, pick) => {
    const lost = () =>
      ctl.signal.aborted
        ? `${host} did not answer within ${seconds} s for ${what}.`
        : `Could not reach ${host} for ${what}: the connection may be offline.`;
    const malformed = `The answer of ${host} for ${what} is not the expected JSON.`;
    return fetch(base + path, { signal: ctl.signal, referrerPolicy: "no-referrer", credentials: "omit", cache: "no-store" })
      .then(
        (r) => {
          const s = r.status;
          if (s === 429) throw `${host} is limiting requests (HTTP 429) for ${what}: try again in a minute.`;
          if (s !== 200) throw `${host} ${s >= 500 ? "had a server error" : "gave an error"} (HTTP ${s}) for ${what}.`;
          return r.json().catch(() => {
            throw ctl.signal.aborted ? lost() : malformed;
          });
        },
        () => {
          throw lost();
        },
      )
      .then((body) => {
        const v = body === null ? undefined : pick(body);
        if (v === undefined) throw malformed;
        return String(v);
      });
  };
  Promise.allSettled([
    ask("the bitcoin price", "/api/v1/prices", (b) => num(b.USD)),
    ask("the difficulty", "/api/v1/mining/hashrate/3d", (b) => num(b.currentDifficulty)),
    ask("the fees of the last 144 blocks", "/api/v1/mining/reward-stats/144", (b) =>
      typeof b.totalFee === "string" ? b.totalFee : undefined,
    ),
    ask("the block height", "/api/blocks/tip/height", num),
  ]).then((all) => {
    clearTimeout(timer);
    const failed = all.find((a) => a.status === "rejected");
    // "Wed, 25 Nov 2026 14:03:07 GMT" → "25 Nov 2026 14:03 UTC".
    const when = new Date().toUTCString().slice(5, 22).replace(/^0/, "") + " UTC";
    done((failed ? ["error", failed.reason] : ["ok", `${host}, ${when}`, ...all.map((a) => a.value)]).join("\t"));
  });
}
