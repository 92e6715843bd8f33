// redline dashboard: draws the charts from data the page carries (no inline script: the
// Content-Security-Policy allows scripts from this server only).
"use strict";

function drawLevelChart(el) {
  const source = document.getElementById(el.dataset.chart);
  if (!source || typeof Plotly === "undefined") return;
  const figure = JSON.parse(source.textContent);
  Plotly.newPlot(el, figure.data, figure.layout, {displaylogo: false, responsive: true});
  el.dataset.drawn = "true";
}

function drawSeriesChart(el) {
  if (typeof Plotly === "undefined") return;
  fetch(el.dataset.series, {headers: {"Accept": "application/json"}})
    .then((response) => response.json())
    .then((body) => {
      const points = body.series || [];
      if (!points.length) {
        el.textContent = "No asserted events to measure yet.";
        el.dataset.drawn = "empty";
        return;
      }
      const x = points.map((p) => p.start);
      const data = [
        {x: x, y: points.map((p) => p.cooperation), type: "bar", name: "cooperation",
         marker: {color: "#2e7d32"}},
        {x: x, y: points.map((p) => p.conflict), type: "bar", name: "conflict",
         marker: {color: "#c62828"}},
        {x: x, y: points.map((p) => p.normalised), type: "scatter", mode: "lines+markers",
         name: "net per news event", yaxis: "y2", line: {color: "#333"}},
      ];
      const layout = {
        barmode: "relative", height: 300, margin: {l: 50, r: 50, t: 10, b: 40},
        yaxis: {title: {text: "intensity"}},
        yaxis2: {overlaying: "y", side: "right", title: {text: "net / news"}},
        legend: {orientation: "h", y: -0.2},
      };
      Plotly.newPlot(el, data, layout, {displaylogo: false, responsive: true});
      el.dataset.drawn = "true";
    })
    .catch(() => { el.textContent = "The series could not be loaded."; });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-chart]").forEach(drawLevelChart);
  document.querySelectorAll("[data-series]").forEach(drawSeriesChart);
});
