// Summitry explorer: renders the page's Vega-Lite charts with the vendored vega-embed.
// Pages work without this file; it adds the charts, their tooltips and click-through.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Phone widths: smaller title, legends stacked in one column instead of side by side.
  function narrow(spec, width) {
    var config = spec.config = spec.config || {};
    config.legend = Object.assign({}, config.legend, {
      columns: 1, direction: "vertical", labelFontSize: 11, titleFontSize: 11,
      layout: { bottom: { anchor: "start", direction: "vertical", margin: 6 } },
    });
    config.axis = Object.assign({}, config.axis, { labelFontSize: 11, labelLimit: 110 });
    if (typeof spec.title === "string") {
      spec.title = { text: spec.title.replace(/ \(.*\)$/, ""), fontSize: 11, anchor: "start", frame: "bounds", limit: Math.max(120, width - 16) };
    }
  }

  function embed(el) {
    var holder = document.getElementById(el.getAttribute("data-spec"));
    if (!holder || typeof vegaEmbed === "undefined") { return; }
    var spec = JSON.parse(holder.textContent);
    if (el.clientWidth < 560) { narrow(spec, el.clientWidth); }
    var options = {
      renderer: "svg",
      ast: true, // evaluate expressions with vega-interpreter: no eval, so the CSP can forbid it
      actions: { export: true, source: false, compiled: false, editor: false },
      downloadFileName: el.id,
    };
    vegaEmbed(el, spec, options).then(function (result) {
      result.view.addEventListener("click", function (event, item) {
        var url = item && item.datum && item.datum.url;
        if (typeof url === "string" && url.indexOf("/meetings/") === 0) { window.location.assign(url); }
      });
      el.setAttribute("data-rendered", "true");
    }).catch(function (error) {
      el.classList.add("failed");
      el.textContent = "The chart could not be drawn (" + error.message + "); the table has the same data.";
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".vega[data-spec]"), embed);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
