// Charts of the territorial analysis. Every chart's data comes from the page's JSON block
// (json_script "analysis-charts"), keyed by the id of the element that holds the chart; a
// table with the same figures follows every chart, so the charts are decoration for
// sighted users and the tables the text equivalent.
(function () {
  "use strict";
  var source = document.getElementById("analysis-charts");
  if (!source || !window.echarts) {
    return;
  }
  var specs = JSON.parse(source.textContent);
  var PALETTE = ["#0b3d62", "#f2a900", "#2a7f62", "#b5462a", "#5b4b8a", "#3d7ab8", "#6c757d",
                 "#8c6d1f", "#1f8c8c"];
  var charts = [];

  // Tooltips are HTML: a name typed by a user (an organisation, a region) must not become
  // markup.
  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  function horizontalBar(spec) {
    return {
      color: PALETTE,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 40, top: 10, bottom: 10, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, data: spec.labels,
               axisLabel: { width: 220, overflow: "break" } },
      series: [{ type: "bar", data: spec.values, label: { show: true, position: "right" } }]
    };
  }

  function stacked(spec) {
    return {
      color: PALETTE,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 10, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, data: spec.labels },
      series: spec.series.map(function (s) {
        return { name: s.name, type: "bar", stack: "total", data: s.values };
      })
    };
  }

  function grouped(spec) {
    return {
      color: PALETTE,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 10, containLabel: true },
      xAxis: { type: "category", data: spec.labels, axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: "value" },
      series: spec.series.map(function (s) {
        return { name: s.name, type: "bar", data: s.values };
      })
    };
  }

  // Dark tiles only, so that the white labels stay readable.
  var TREEMAP_PALETTE = ["#0b3d62", "#2a7f62", "#b5462a", "#5b4b8a", "#3d7ab8", "#5c6670",
                         "#7a5a12", "#176f6f"];

  function treemap(spec) {
    return {
      color: TREEMAP_PALETTE,
      tooltip: { formatter: "{b}: {c}" },
      series: [{ type: "treemap", roam: false, nodeClick: false, breadcrumb: { show: false },
                 data: spec.items,
                 label: { show: true, lineHeight: 16, overflow: "truncate",
                          formatter: function (p) { return p.name + "\n" + p.value; } },
                 levels: [{ itemStyle: { gapWidth: 2 } }] }]
    };
  }

  function radar(spec) {
    var top = 1;
    spec.series.forEach(function (s) {
      s.values.forEach(function (v) { top = Math.max(top, v || 0); });
    });
    top = Math.ceil(top * 2) / 2;
    return {
      color: PALETTE,
      tooltip: { trigger: "item" },
      legend: { bottom: 0, type: "scroll" },
      radar: {
        indicator: spec.axes.map(function (axis, index) {
          return { name: axis, max: top, text: spec.axis_labels[index] };
        }),
        radius: "62%"
      },
      series: [{ type: "radar", data: spec.series.map(function (s) {
        return { name: s.name, value: s.values };
      }) }]
    };
  }

  function gap(spec) {
    return {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" },
                 valueFormatter: function (v) { return v + " pt"; } },
      grid: { left: 8, right: 40, top: 10, bottom: 10, containLabel: true },
      xAxis: { type: "value", axisLabel: { formatter: "{value} pt" } },
      yAxis: { type: "category", inverse: true, data: spec.labels,
               axisLabel: { width: 220, overflow: "break" } },
      series: [{ type: "bar", data: spec.values.map(function (v) {
        return { value: v, itemStyle: { color: v >= 0 ? "#0b3d62" : "#b5462a" } };
      }), label: { show: true, position: "right", formatter: "{c}" } }]
    };
  }

  function drawMap(element, spec) {
    if (!window.topojson || !element.dataset.worldUrl) {
      return null;
    }
    var chart = window.echarts.init(element);
    fetch(element.dataset.worldUrl).then(function (r) { return r.json(); }).then(function (world) {
      window.echarts.registerMap("world", window.topojson.feature(world, world.objects.countries));
      var point = spec.points[0];
      // The map keeps its aspect ratio: framing the region in a box of the panel's own
      // proportions makes it fill the panel instead of a square in its middle.
      var ratio = element.clientWidth / Math.max(element.clientHeight, 1);
      var latSpan = 8;
      var lonSpan = latSpan * ratio / 0.75;
      var frame = point ? { boundingCoords: [[point.lon - lonSpan / 2, point.lat + latSpan / 2],
                                             [point.lon + lonSpan / 2, point.lat - latSpan / 2]] }
                        : { zoom: 3.2, center: [12, 52] };
      chart.setOption({
        tooltip: { trigger: "item", formatter: function (p) {
          return escapeHtml(p.name) + ": " + escapeHtml(Array.isArray(p.value) ? p.value[2] : "");
        } },
        geo: Object.assign({ map: "world", roam: true,
                             itemStyle: { areaColor: "#eef2f6", borderColor: "#9aa7b4" } }, frame),
        series: [{ type: "scatter", coordinateSystem: "geo", symbolSize: 22,
                   itemStyle: { color: "rgba(242,169,0,0.9)", borderColor: "#7a5500" },
                   data: spec.points.map(function (p) { return { name: p.name, value: [p.lon, p.lat, p.value] }; }) }]
      });
    }).catch(function () {
      element.hidden = true;
    });
    return chart;
  }

  var BUILDERS = { bar: horizontalBar, stacked: stacked, grouped: grouped, treemap: treemap,
                   radar: radar, gap: gap };

  Array.prototype.forEach.call(document.querySelectorAll("[data-chart]"), function (element) {
    var spec = specs[element.id];
    if (!spec) {
      return;
    }
    if (spec.type === "map") {
      var map = drawMap(element, spec);
      if (map) { charts.push(map); }
      return;
    }
    var build = BUILDERS[spec.type];
    if (!build) {
      return;
    }
    if (spec.labels && spec.type !== "grouped" && spec.type !== "stacked") {
      element.style.height = Math.max(220, 26 * spec.labels.length + 30) + "px";
    }
    var chart = window.echarts.init(element);
    chart.setOption(build(spec));
    charts.push(chart);
  });

  function resizeAll() {
    charts.forEach(function (chart) { chart.resize(); });
  }
  window.addEventListener("resize", resizeAll);
  // Printing lays the page out at the paper's width: redraw, or charts keep the screen's.
  window.addEventListener("beforeprint", resizeAll);
})();
