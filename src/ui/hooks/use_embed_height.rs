//! Tells the embedding page how tall the calculator is, so its iframe fits without scrolling.

use crate::ui::web;

/// Starts reporting the document's height to `window.parent` on every resize. The message
/// carries only the height and the id from the iframe's `#fragment`.
pub fn use_embed_height() {
    web::watch_height(&web::embed_id());
}
