// Charts of the action plans: a plan's timeline (actions as bars over time, coloured by
// their status in the latest accepted report) and the overview of every plan (progress
// against expected progress). The data come from the page's JSON blocks (json_script); a
// table with the same figures follows each chart, so the charts are decoration for sighted
// users and the tables their text equivalent. No inline script: the CSP forbids them.
(function () {
  "use strict";
  if (!window.echarts) {
    return;
  }
  var echarts = window.echarts;
  var COLORS = {
    not_started: "#6c757d",
    on_track: "#0b3d62",
    delayed: "#a35200",
    implemented: "#2a7f62",
    abandoned: "#8b1e3f",
    not_reported: "#ffffff"
  };
  var DAY = 86400000;
  var charts = [];

  function data(id) {
    var source = document.getElementById(id);
    return source ? JSON.parse(source.textContent) : null;
  }

  function escape(text) {
    return echarts.format.encodeHTML(String(text));
  }

  function timeline(element, spec) {
    var rows = spec.rows.filter(function (row) { return row.start && row.end; });
    if (!rows.length) {
      element.hidden = true;
      return null;
    }
    element.style.height = Math.max(220, 70 + rows.length * 44) + "px";
    var chart = echarts.init(element);
    var items = rows.map(function (row, index) {
      return {
        name: row.label,
        value: [index, Date.parse(row.start), Date.parse(row.end) + DAY, row.progress],
        itemStyle: { color: COLORS[row.status] || "#495057", borderColor: "#212529", borderWidth: 1 }
      };
    });
    function renderItem(params, api) {
      var index = api.value(0);
      var start = api.coord([api.value(1), index]);
      var end = api.coord([api.value(2), index]);
      var height = api.size([0, 1])[1] * 0.5;
      var shape = echarts.graphic.clipRectByRect(
        { x: start[0], y: start[1] - height / 2, width: Math.max(end[0] - start[0], 2), height: height },
        { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width,
          height: params.coordSys.height }
      );
      return shape && { type: "rect", shape: shape, style: api.style() };
    }
    chart.setOption({
      animation: false,
      tooltip: {
        formatter: function (point) {
          var row = rows[point.value[0]];
          var text = escape(row.label) + "<br>" + escape(spec.statuses[row.status] || row.status);
          if (row.progress !== null && row.progress !== undefined) {
            text += " — " + escape(row.progress) + " %";
          }
          return text + "<br>" + escape(row.start) + " – " + escape(row.end);
        }
      },
      grid: { left: 8, right: 32, top: 24, bottom: 24, containLabel: true },
      xAxis: { type: "time" },
      yAxis: { type: "category", inverse: true, data: rows.map(function (row) { return row.label; }),
               axisLabel: { width: 240, overflow: "truncate" } },
      series: [{
        type: "custom",
        renderItem: renderItem,
        encode: { x: [1, 2], y: 0 },
        data: items,
        markLine: {
          symbol: "none",
          silent: true,
          lineStyle: { color: "#b5462a", type: "dashed" },
          label: { formatter: spec.today_label || "" },
          data: [{ xAxis: Date.parse(spec.today) }]
        }
      }]
    });
    return chart;
  }

  function overview(element, spec) {
    if (!spec.labels.length) {
      element.hidden = true;
      return null;
    }
    element.style.height = Math.max(240, 80 + spec.labels.length * 48) + "px";
    var chart = echarts.init(element);
    chart.setOption({
      animation: false,
      color: ["#0b3d62", "#f2a900"],
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0 },
      grid: { left: 8, right: 32, top: 32, bottom: 10, containLabel: true },
      xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value} %" } },
      yAxis: { type: "category", inverse: true, data: spec.labels,
               axisLabel: { width: 260, overflow: "truncate" } },
      series: [
        { name: spec.names.progress, type: "bar", data: spec.progress },
        { name: spec.names.expected, type: "bar", data: spec.expected }
      ]
    });
    return chart;
  }

  var timelineElement = document.getElementById("plan-timeline");
  var timelineSpec = data("plan-timeline-data");
  if (timelineElement && timelineSpec) {
    charts.push(timeline(timelineElement, timelineSpec));
  }
  var overviewElement = document.getElementById("plans-overview-chart");
  var overviewSpec = data("plans-overview-data");
  if (overviewElement && overviewSpec) {
    charts.push(overview(overviewElement, overviewSpec));
  }
  window.addEventListener("resize", function () {
    charts.forEach(function (chart) {
      if (chart) {
        chart.resize();
      }
    });
  });
})();
