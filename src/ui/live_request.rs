//! "Use today's network": the four requests to the mempool.space REST API, at once and under
//! one time limit, in the Wasm chunk that the first press loads (`kwhich_live`,
//! src/ui/lazy.rs), so that a reader who never presses never loads it.
//!
//! gloo-net sends the requests, with no referrer (the page's address holds the reader's
//! scenario), no cookie and no cache; a gloo-timers timeout stops any still running after
//! the time limit; the browser parses each answer's JSON and serde-wasm-bindgen reads it into
//! the model's typed answers. What each status, lost request and answer means, and which
//! failure is reported, is the model's (`crate::model::edit::live`), tested natively.
//!
//! Every browser function the Wasm calls is an import of the first module, even when only
//! this chunk calls it: the first load carries its glue and its import entry (this chunk's
//! 29 imports were 1.5 KB gzipped before scripts/short-imports.mjs shortened their names).
//! Hence the request is made as a `web_sys::Request` and sent by gloo-net (its builder would
//! also parse the address for query parameters and make headers: a dozen more imports), the
//! time limit is noted in Rust rather than asked of the signal, and the clock is read as one
//! number.

use std::cell::Cell;
use std::rc::Rc;

use futures_util::future::join4;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReferrerPolicy, RequestCache, RequestCredentials, RequestInit};

use crate::model::edit::live::{
    api_host, Endpoint, Failure, Hashrate, Prices, Problem, Reading, RewardStats, Source, TipHeight, UtcMinute,
};

/// Asks the API at `base` (no trailing slash: "https://mempool.space") for the four values,
/// all within `seconds`: the reading, or the failure of the first request (in
/// [`Endpoint::ALL`]'s order) that failed.
pub async fn ask(base: String, seconds: u32) -> Result<Reading, Failure> {
    let host = api_host(&base).ok_or(Failure::NoApi)?;
    let init = RequestInit::new();
    init.set_referrer_policy(ReferrerPolicy::NoReferrer);
    init.set_credentials(RequestCredentials::Omit);
    init.set_cache(RequestCache::NoStore);
    // Set when the time limit stops the requests: what they lost then is a timeout. Without
    // a controller (no browser lacks one) they run without a limit.
    let timed_out = Rc::new(Cell::new(false));
    let limit = AbortController::new().ok().map(|controller| {
        init.set_signal(Some(&controller.signal()));
        let timed_out = Rc::clone(&timed_out);
        Timeout::new(seconds.saturating_mul(1000), move || {
            timed_out.set(true);
            controller.abort();
        })
    });
    let get = |endpoint| answer(&base, &host, endpoint, &init, &timed_out, seconds);
    let (price, difficulty, fees, height) =
        join4(get(Endpoint::Price), get(Endpoint::Difficulty), get(Endpoint::Fees), get(Endpoint::Height)).await;
    // Every request has settled: the time limit no longer applies.
    drop(limit);
    let read = serde_wasm_bindgen::Deserializer::from;
    let source = Source { host: host.clone(), at: now() };
    Reading::from_answers(
        source,
        price.and_then(|json| Endpoint::Price.read::<Prices, _>(&host, read(json))),
        difficulty.and_then(|json| Endpoint::Difficulty.read::<Hashrate, _>(&host, read(json))),
        fees.and_then(|json| Endpoint::Fees.read::<RewardStats, _>(&host, read(json))),
        height.and_then(|json| Endpoint::Height.read::<TipHeight, _>(&host, read(json))),
    )
}

/// One request: its answer's JSON as the browser parsed it, or what went wrong.
async fn answer(
    base: &str,
    host: &str,
    endpoint: Endpoint,
    init: &RequestInit,
    timed_out: &Cell<bool>,
    seconds: u32,
) -> Result<JsValue, Failure> {
    let failed = |problem| endpoint.failed(host, problem);
    // Stopped by the time limit, or no connection.
    let lost = || failed(Problem::lost(timed_out.get(), seconds));
    let request = web_sys::Request::new_with_str_and_init(&[base, endpoint.path()].concat(), init);
    let response = gloo_net::http::Request::from(request.map_err(|_| lost())?).send().await.map_err(|_| lost())?;
    if let Some(problem) = Problem::of_status(response.status()) {
        return Err(failed(problem));
    }
    let body = web_sys::Response::from(response).json().map_err(|_| failed(Problem::Malformed))?;
    // A body cut short by the time limit is a timeout; one that is not JSON is malformed.
    JsFuture::from(body).await.map_err(|_| if timed_out.get() { lost() } else { failed(Problem::Malformed) })
}

/// The minute now, in UTC, by the browser's clock.
fn now() -> UtcMinute {
    // `Date.now()` is a whole number of milliseconds: a minute of a year up to 65535 until
    // about 63,000 years from now; the epoch stands in after that.
    UtcMinute::from_unix_ms(js_sys::Date::now()).unwrap_or(UtcMinute {
        year: 1970,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
    })
}
