// The atlas map: country shapes from world-atlas, bubbles per country and territory when
// zoomed out, one point per organisation when zoomed in.
(function () {
  "use strict";
  var container = document.getElementById("atlas-map");
  if (!container || !window.echarts || !window.topojson) {
    return;
  }
  var status = document.getElementById("atlas-map-status");
  var chart = window.echarts.init(container, null, { renderer: "canvas" });
  var ZOOM_FOR_POINTS = 4;

  // The visible texts come from the page, translated there: data-tooltip-format (such as
  // "{name}: {count}") and data-error-text.
  var tooltipFormat = container.dataset.tooltipFormat || "{name}: {count}";
  var errorText = container.dataset.errorText || "";
  var numberFormat = new Intl.NumberFormat(document.documentElement.lang || undefined);

  function escapeHtml(text) {
    return window.echarts.format.encodeHTML(String(text === undefined || text === null ? "" : text));
  }

  // Function replacements, so that a "$" in a name is not read as a replacement pattern.
  function tooltipText(name, count) {
    return escapeHtml(tooltipFormat)
      .replace("{name}", function () { return escapeHtml(name); })
      .replace("{count}", function () { return numberFormat.format(count); });
  }

  // The map opens on Europe, or on the bounds of what the filters selected. EUROPE is
  // [[west, south], [east, north]]; a view shows a span of about 70° of longitude at zoom 3.2.
  var EUROPE = [[-25, 34], [45, 71]];
  function viewOf(bounds) {
    var lonSpan = Math.max(bounds[1][0] - bounds[0][0], 2);
    var latSpan = Math.max(bounds[1][1] - bounds[0][1], 1.5);
    var span = Math.max(lonSpan * 1.2, latSpan * 1.9);
    return {
      center: [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2],
      zoom: Math.min(Math.max(3.2 * 84 / span, 1), 40)
    };
  }
  function boundsOf(coordinates) {
    if (!coordinates.length) { return EUROPE; }
    var lons = coordinates.map(function (c) { return c[0]; });
    var lats = coordinates.map(function (c) { return c[1]; });
    return [[Math.min.apply(null, lons), Math.min.apply(null, lats)],
            [Math.max.apply(null, lons), Math.max.apply(null, lats)]];
  }

  function bubbleSize(count, max) {
    return 8 + 42 * Math.sqrt(count / Math.max(max, 1));
  }

  // world-atlas stitches Russia and Fiji across the antimeridian, which suits spherical
  // projections; on ECharts' flat map such a ring jumps from 180° to -180° and is drawn as
  // bands across the whole world. Make those rings continuous (longitudes beyond 180°). Rings
  // that go round a pole (Antarctica) do not come back to their start and are left as they are.
  function unwrapAntimeridian(geojson) {
    geojson.features.forEach(function (feature) {
      var geometry = feature.geometry;
      var polygons = !geometry ? [] : geometry.type === "Polygon" ? [geometry.coordinates]
        : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
      polygons.forEach(function (polygon) {
        polygon.forEach(function (ring, index) {
          var offset = 0;
          var crossed = false;
          var unwrapped = ring.map(function (point, i) {
            if (i > 0) {
              var delta = point[0] - ring[i - 1][0];
              if (delta > 180) { offset -= 360; crossed = true; }
              else if (delta < -180) { offset += 360; crossed = true; }
            }
            return [point[0] + offset, point[1]];
          });
          if (crossed && offset === 0) {
            polygon[index] = unwrapped;
          }
        });
      });
    });
    return geojson;
  }

  Promise.all([
    fetch(container.dataset.worldUrl).then(function (r) { return r.json(); }),
    fetch(container.dataset.mapUrl, { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); })
  ]).then(function (results) {
    var world = results[0];
    var data = results[1];
    var geojson = unwrapAntimeridian(window.topojson.feature(world, world.objects.countries));
    window.echarts.registerMap("world", geojson);

    var regionBubbles = data.regions.filter(function (r) { return r.lat !== null; }).map(function (r) {
      return { name: r.name, value: [r.lon, r.lat, r.count] };
    });
    var max = Math.max.apply(null, data.countries.map(function (c) { return c.count; }).concat([1]));
    var countryBubbles = data.countries.map(function (c) {
      // "name" matches the world-atlas shape; "label" is the name in the reader's language.
      return { name: c.name, label: c.label || c.name, code: c.code, value: c.count };
    });
    var points = data.points.map(function (p) {
      return { name: p[2], slug: p[3], value: [p[0], p[1]] };
    });

    var selection = container.dataset.filtered === "1"
      ? data.points.map(function (p) { return [p[0], p[1]]; }).concat(
        regionBubbles.map(function (r) { return [r.value[0], r.value[1]]; }))
      : [];
    var view = viewOf(boundsOf(selection));
    var showingPoints = view.zoom >= ZOOM_FOR_POINTS;
    chart.setOption({
      // ECharts inserts the tooltip as HTML: names are escaped before they go in.
      tooltip: { trigger: "item", formatter: function (params) {
        if (params.seriesName === "points") { return escapeHtml(params.name); }
        var value = Array.isArray(params.value) ? params.value[2] : params.value;
        return tooltipText((params.data && params.data.label) || params.name, value || 0);
      } },
      visualMap: { show: false, min: 0, max: max, inRange: { color: ["#dbe9f6", "#0b3d62"] }, seriesIndex: 0 },
      geo: { map: "world", roam: true, center: view.center, zoom: view.zoom, itemStyle: { areaColor: "#eef2f6", borderColor: "#9aa7b4" },
             emphasis: { itemStyle: { areaColor: "#cfe0f1" } } },
      series: [
        { id: "countries", name: "countries", type: "map", geoIndex: 0, data: countryBubbles },
        { id: "territories", name: "territories", type: "scatter", coordinateSystem: "geo", data: showingPoints ? [] : regionBubbles,
          symbolSize: function (value) { return bubbleSize(value[2], max); },
          itemStyle: { color: "rgba(242,169,0,0.85)", borderColor: "#7a5500" } },
        { id: "points", name: "points", type: "scatter", coordinateSystem: "geo", data: showingPoints ? points : [],
          symbolSize: 5, large: true, itemStyle: { color: "#0b3d62" } }
      ]
    });
    // Only the data changes with the zoom: setting the whole option again would also reset
    // the geo component's zoom and centre, undoing the visitor's zoom.
    chart.on("georoam", function () {
      var zoom = chart.getOption().geo[0].zoom;
      var wantPoints = zoom >= ZOOM_FOR_POINTS;
      if (wantPoints !== showingPoints) {
        showingPoints = wantPoints;
        chart.setOption({ series: [
          { id: "territories", data: showingPoints ? [] : regionBubbles },
          { id: "points", data: showingPoints ? points : [] }
        ] });
      }
    });
    chart.on("click", function (params) {
      if (params.seriesName === "points" && params.data && params.data.slug) {
        window.location.href = container.dataset.detailUrl + encodeURIComponent(params.data.slug) + "/";
      }
    });
    if (status) {
      status.textContent = data.points_truncated ? container.dataset.truncatedText || "" : "";
    }
  }).catch(function () {
    if (status) { status.textContent = errorText; }
  });
  window.addEventListener("resize", function () { chart.resize(); });
})();
