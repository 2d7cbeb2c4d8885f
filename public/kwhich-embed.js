/* kWhich embed resizer: include once on a page with kWhich iframes (data-kwhich-id).
   It trusts only messages from the calculator's own origin (this script's origin), with a
   string id and a finite, positive number for the height; anything else is ignored.
   Embeds that rendered before this script ran are asked for their height once. */
(function () {
  var me = document.currentScript;
  if (!me || !me.src) return;
  var origin = new URL(me.src, location.href).origin;
  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data.id !== "string" || typeof data.height !== "number") return;
    if (!isFinite(data.height) || data.height <= 0 || data.height > 100000) return;
    var frames = document.querySelectorAll("iframe[data-kwhich-id]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.getAttribute("data-kwhich-id") === data.id && frame.contentWindow === event.source) {
        frame.style.height = Math.ceil(data.height) + "px";
      }
    }
  });
  var present = document.querySelectorAll("iframe[data-kwhich-id]");
  for (var k = 0; k < present.length; k++) {
    // Delivered only if the frame already shows the calculator (same target origin).
    if (present[k].contentWindow) present[k].contentWindow.postMessage("kwhich:height?", origin);
  }
})();
