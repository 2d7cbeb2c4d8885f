// kWhich's "Use today's network": the four requests to the mempool.space REST API, at once
// and under one time limit. The page imports this module on the first press only (src/ui/web.rs),
// so a reader who never presses never loads it.
//
// No referrer (the page's address holds the reader's scenario) and no cookie go with the
// requests. Each answer must have the shape the API documents. `done` gets one line of facts,
// no words (the page words them in the reader's language: src/text/live.rs), tab-separated,
// that src/model/live.rs reads:
//   ok  HOST  2026-11-25T14:03Z  PRICE_USD  DIFFICULTY  FEES_SAT  HEIGHT
// the API's host, the minute it answered (UTC), then the four values each as its JSON gave
// it (the fees of the last 144 blocks in satoshis); or, for the first request that failed in
// that order,
//   error  KIND  ENDPOINT  HOST  [DETAIL]
// KIND one of timeout (DETAIL: the time limit in seconds), offline, limited (HTTP 429),
// server (HTTP 5xx; DETAIL: the status), http (any other status; DETAIL: the status) or
// malformed (not the JSON expected); ENDPOINT one of price, difficulty, fees, height.

// `base` is the API's address without a trailing slash ("https://mempool.space").
export function fetchNetwork(base, seconds, done) {
  const host = new URL(base).host;
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), seconds * 1000);
  const num = (v) => (typeof v === "number" && isFinite(v) ? v : undefined);
  const ask = (what, path, pick) => {
    const fail = (kind, detail) => [kind, what, host, ...(detail === undefined ? [] : [detail])];
    const lost = () => (ctl.signal.aborted ? fail("timeout", seconds) : fail("offline"));
    const malformed = fail("malformed");
    return fetch(base + path, { signal: ctl.signal, referrerPolicy: "no-referrer", credentials: "omit", cache: "no-store" })
      .then(
        (r) => {
          const s = r.status;
          if (s === 429) throw fail("limited");
          if (s !== 200) throw fail(s >= 500 ? "server" : "http", s);
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
    ask("price", "/api/v1/prices", (b) => num(b.USD)),
    ask("difficulty", "/api/v1/mining/hashrate/3d", (b) => num(b.currentDifficulty)),
    ask("fees", "/api/v1/mining/reward-stats/144", (b) => (typeof b.totalFee === "string" ? b.totalFee : undefined)),
    ask("height", "/api/blocks/tip/height", num),
  ]).then((all) => {
    clearTimeout(timer);
    const failed = all.find((a) => a.status === "rejected");
    // "2026-11-25T14:03:07.123Z" → "2026-11-25T14:03Z": the minute, in UTC.
    const when = new Date().toISOString().slice(0, 16) + "Z";
    // Anything thrown that is not one of the failures above reads as an unreadable report.
    const why = failed && (Array.isArray(failed.reason) ? failed.reason : ["unknown"]);
    done((why ? ["error", ...why] : ["ok", host, when, ...all.map((a) => a.value)]).join("\t"));
  });
}
