//! While comparing, "Over time" for both sides: the margin per kWh and the cash per MW of
//! each path, A's lines solid and B's dashed over them ([`crate::text::compare_charts`]).
//! Both sides are evaluated over time from the comparison's link, once the time model's
//! chunk is there; until then the section waits empty, as "Over time" does.

use leptos::prelude::*;

use crate::model::{InvalidKeys, Link};
use crate::text::compare_charts::{compared_cash_chart, compared_heading, compared_margin_chart};
use crate::text::time_charts::LineChartView;
use crate::ui::charts::line_chart_svg::LineChartSvg;
use crate::ui::hooks::state::{LinkCtx, TimeModelCtx};

/// One chart with its caption.
fn figure(chart: LineChartView) -> impl IntoView {
    let (title, subtitle) = (chart.title.clone(), chart.subtitle.clone());
    let view = Memo::new(move |_| chart.clone());
    view! {
        <figure class="chart wide">
            <figcaption class="chart-caption"><strong>{title}</strong>" "<span>{subtitle}</span></figcaption>
            <LineChartSvg view=view/>
        </figure>
    }
}

/// Both sides' charts over time, while comparing.
#[component]
pub fn ComparedTime() -> impl IntoView {
    let LinkCtx(link) = expect_context();
    let TimeModelCtx(model) = expect_context();
    let charts = Memo::new(move |_| {
        let over_time = model.get()?;
        link.with(|l| match l {
            Link::Compare(c) => {
                let (a, b) = (over_time(c.a(), InvalidKeys::default()), over_time(c.b(), InvalidKeys::default()));
                let (a, b) = ((c.a(), &a.projection, &a.metrics), (c.b(), &b.projection, &b.metrics));
                Some((compared_margin_chart(c, a, b), compared_cash_chart(c, a, b)))
            }
            Link::Single(_) => None,
        })
    });
    view! {
        <section class="card time" aria-labelledby="compared-time-title" data-compared-time="">
            <h2 id="compared-time-title">{compared_heading()}</h2>
            {move || charts.get().map(|(margins, cash)| view! { {figure(margins)}{figure(cash)} })}
        </section>
    }
}
