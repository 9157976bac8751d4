// The dashboard's SVG charts: timeline (stacked quad classes + mean Goldstein), map, actor network.

import {QUADS, goldsteinColor, num, put, svg, widthOf} from "./dom.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function parseDay(day) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** The last day of the period that starts on ``start`` (YYYY-MM-DD). */
export function periodEnd(start, interval) {
  const date = parseDay(start);
  if (interval === "month") return isoDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)));
  if (interval === "week") date.setUTCDate(date.getUTCDate() + 6);
  return isoDay(date);
}

/** How many periods lie between two period starts (1: adjacent). */
function periodsBetween(a, b, interval) {
  const x = parseDay(a);
  const y = parseDay(b);
  if (interval === "month") return (y.getUTCFullYear() - x.getUTCFullYear()) * 12 + y.getUTCMonth() - x.getUTCMonth();
  return Math.round((y - x) / 86400000 / (interval === "week" ? 7 : 1));
}

export function periodLabel(start, interval, withYear = true) {
  const date = parseDay(start);
  const month = MONTHS[date.getUTCMonth()];
  if (interval === "month") return `${month} ${date.getUTCFullYear()}`;
  const day = `${month} ${date.getUTCDate()}`;
  return withYear ? `${day}, ${date.getUTCFullYear()}` : day;
}

/**
 * The timeline: one stacked bar per period (its events by quad class) on a left count axis, and the
 * mean Goldstein score per period as a line on a right axis (-10..10). Periods without events are
 * left out; a gap between non-adjacent periods is drawn as a break, so that a few old dates do not
 * squeeze recent weeks into slivers.
 */
export function drawTimeline(node, items, interval, selected, onBar) {
  const width = widthOf(node, 900);
  const height = 230;
  const m = {left: 40, right: 44, top: 26, bottom: 40};
  const chart = svg("svg", {viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
    "aria-label": "Events per period by quad class, with the mean Goldstein score"});
  if (!items.length) {
    chart.append(svg("text", {x: width / 2, y: height / 2, class: "empty", "text-anchor": "middle", text: "No dated events"}));
    put(node, chart);
    return;
  }
  const slots = [];
  let position = 0;
  items.forEach((item, i) => {
    if (i > 0) {
      const gap = periodsBetween(items[i - 1].period, item.period, interval);
      if (gap > 1) {
        slots.push({gap: true, at: position + 0.1});
        position += 0.7;
      }
    }
    slots.push({item, at: position});
    position += 1;
  });
  const innerW = width - m.left - m.right;
  const innerH = height - m.top - m.bottom;
  const slotW = innerW / position;
  const barW = Math.max(2, Math.min(slotW * 0.72, 56));
  const maxCount = Math.max(...items.map((d) => d.count), 1);
  const y = (v) => m.top + innerH - (v / maxCount) * innerH;
  const g2 = (v) => m.top + innerH / 2 - (v / 10) * (innerH / 2);
  const x = (at) => m.left + at * slotW + slotW / 2;

  const axes = svg("g", {class: "axes"});
  const ticks = maxCount >= 4 ? [0, Math.round(maxCount / 2), maxCount] : [0, maxCount];
  for (const t of ticks) {
    axes.append(svg("line", {x1: m.left, x2: width - m.right, y1: y(t), y2: y(t), class: "grid"}));
    axes.append(svg("text", {x: m.left - 6, y: y(t) + 4, "text-anchor": "end", text: num(t)}));
  }
  for (const t of [-10, 0, 10]) {
    axes.append(svg("text", {x: width - m.right + 6, y: g2(t) + 4, class: "goldstein-axis", text: t > 0 ? `+${t}` : t}));
  }
  axes.append(svg("line", {x1: m.left, x2: width - m.right, y1: g2(0), y2: g2(0), class: "zero"}));
  axes.append(svg("text", {x: 4, y: 10, class: "axis-title", text: "events"}));
  axes.append(svg("text", {x: width - 4, y: 10, class: "axis-title goldstein-axis", "text-anchor": "end", text: "Goldstein"}));
  chart.append(axes);

  const bars = svg("g", {class: "bars"});
  const labels = svg("g", {class: "labels"});
  let lastLabel = -Infinity;
  let lastYear = null;
  for (const slot of slots) {
    if (slot.gap) {
      const gx = m.left + (slot.at + 0.25) * slotW;
      bars.append(svg("line", {x1: gx, x2: gx, y1: m.top, y2: m.top + innerH, class: "break"}));
      continue;
    }
    const d = slot.item;
    const cx = x(slot.at);
    const end = periodEnd(d.period, interval);
    const words = QUADS.map((q) => `${q.name}: ${num(d[`quad${q.quad}`] || 0)}`).join("\n");
    const title = `${interval === "day" ? d.period : `${d.period} – ${end}`}: ${num(d.count)} events\n${words}` +
      `\nMean Goldstein: ${d.goldstein === null || d.goldstein === undefined ? "–" : num(d.goldstein, 1)}`;
    const bar = svg("g", {class: d.period === selected ? "bar selected" : "bar", "data-period": d.period,
      "data-end": end, tabindex: 0, role: "button", "aria-label": title,
      onclick: () => onBar(d.period, end), onkeydown: (e) => { if (e.key === "Enter") onBar(d.period, end); }},
    svg("title", {text: title}),
    svg("rect", {class: "hit", x: cx - slotW / 2, y: m.top, width: slotW, height: innerH}));
    let base = 0;
    for (const q of QUADS) {
      const value = d[`quad${q.quad}`] || 0;
      if (!value) continue;
      bar.append(svg("rect", {x: cx - barW / 2, y: y(base + value), width: barW,
        height: Math.max(0.5, y(base) - y(base + value)), fill: q.color, class: `quad${q.quad}`}));
      base += value;
    }
    bars.append(bar);
    if (cx - lastLabel > 64) {
      const date = parseDay(d.period);
      const showYear = interval === "month" || date.getUTCFullYear() !== lastYear;
      labels.append(svg("text", {x: cx, y: height - m.bottom + 16, "text-anchor": "middle",
        text: periodLabel(d.period, interval, false)}));
      if (showYear && interval !== "month") {
        labels.append(svg("text", {x: cx, y: height - m.bottom + 30, "text-anchor": "middle", class: "year",
          text: date.getUTCFullYear()}));
      }
      lastYear = date.getUTCFullYear();
      lastLabel = cx;
    }
  }
  chart.append(bars, labels);

  const points = slots.filter((s) => !s.gap && s.item.goldstein !== null && s.item.goldstein !== undefined);
  if (points.length) {
    const line = points.map((s) => `${x(s.at).toFixed(1)},${g2(s.item.goldstein).toFixed(1)}`).join(" ");
    const group = svg("g", {class: "goldstein"}, svg("polyline", {points: line}));
    for (const s of points) {
      group.append(svg("circle", {cx: x(s.at), cy: g2(s.item.goldstein), r: 3, fill: goldsteinColor(s.item.goldstein)}));
    }
    chart.append(group);
  }
  put(node, chart);
}

/** Legend items for the quad classes and the Goldstein line. */
export function timelineLegend() {
  const items = QUADS.map((q) => [svg("svg", {width: 12, height: 12, class: "swatch"},
    svg("rect", {width: 12, height: 12, rx: 2, fill: q.color})), q.name]);
  items.push([svg("svg", {width: 18, height: 12, class: "swatch"},
    svg("line", {x1: 0, x2: 18, y1: 6, y2: 6, class: "goldstein-key"})), "Mean Goldstein (right axis)"]);
  return items;
}

const MAP_TOP = 84;
const MAP_BOTTOM = -58;

function ringPath(ring) {
  let d = "";
  for (let i = 0; i < ring.length; i += 2) d += `${i ? "L" : "M"}${ring[i]} ${-ring[i + 1]}`;
  return `${d}Z`;
}

/**
 * The map: the world outline (equirectangular: x = longitude, y = -latitude) with the countries shaded
 * by how many events are located there, and a dot per place sized by its event count.
 */
export function drawMap(node, world, places, countries, onPlace) {
  const height = MAP_TOP - MAP_BOTTOM;
  const chart = svg("svg", {viewBox: `-180 ${-MAP_TOP} 360 ${height}`, class: "map", role: "img",
    "aria-label": "Map of event locations", preserveAspectRatio: "xMidYMid meet"});
  chart.append(svg("rect", {x: -180, y: -MAP_TOP, width: 360, height, class: "sea"}));
  const byCountry = new Map(countries.map((c) => [c.country, c.count]));
  const maxCountry = Math.max(1, ...countries.map((c) => c.count));
  const outline = svg("g", {class: "outline"});
  for (const country of world.countries) {
    const count = byCountry.get(country.iso3) || 0;
    const path = svg("path", {d: country.rings.map(ringPath).join(""), class: count ? "country has-events" : "country",
      "data-iso3": country.iso3 || null},
    svg("title", {text: count ? `${country.name}: ${num(count)} events located here` : country.name}));
    if (count) path.style.fillOpacity = String(0.25 + 0.6 * Math.sqrt(count / maxCountry));
    outline.append(path);
  }
  chart.append(outline);
  const dots = svg("g", {class: "dots"});
  const maxCount = Math.max(1, ...places.map((p) => p.count));
  const sorted = places.filter((p) => p.lat !== null && p.lon !== null).sort((a, b) => b.count - a.count);
  for (const place of sorted) {
    const r = 1.3 + 4.5 * Math.sqrt(place.count / maxCount);
    const label = `${place.name || "?"}${place.country ? `, ${place.country}` : ""}: ${num(place.count)} events` +
      (place.goldstein === null || place.goldstein === undefined ? "" : `, mean Goldstein ${num(place.goldstein, 1)}`);
    dots.append(svg("circle", {cx: place.lon, cy: -place.lat, r, fill: goldsteinColor(place.goldstein),
      class: "dot", "data-count": place.count, tabindex: 0, role: "button", "aria-label": label,
      onclick: () => onPlace(place), onkeydown: (e) => { if (e.key === "Enter") onPlace(place); }},
    svg("title", {text: label})));
  }
  chart.append(dots);
  put(node, chart);
}

/**
 * A Fruchterman-Reingold layout of one connected component, run a fixed number of steps from a circle
 * (the same input gives the same picture). Returns [{x, y}] in [0,1]².
 */
function forceLayout(n, links, steps = 250) {
  if (n === 1) return Object.assign([{x: 0.5, y: 0.5}], {aspect: 1});
  const pos = Array.from({length: n}, (_, i) => {
    const angle = (2 * Math.PI * i) / n;
    return {x: 0.5 + 0.35 * Math.cos(angle), y: 0.5 + 0.35 * Math.sin(angle)};
  });
  const k = Math.sqrt(1 / n);
  let temperature = 0.1;
  for (let step = 0; step < steps; step += 1) {
    const disp = pos.map(() => ({x: 0, y: 0}));
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        const dx = pos[i].x - pos[j].x;
        const dy = pos[i].y - pos[j].y;
        const dist = Math.max(Math.hypot(dx, dy), 0.001);
        const force = (k * k) / dist;
        disp[i].x += (dx / dist) * force; disp[i].y += (dy / dist) * force;
        disp[j].x -= (dx / dist) * force; disp[j].y -= (dy / dist) * force;
      }
    }
    for (const [a, b] of links) {
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const dist = Math.max(Math.hypot(dx, dy), 0.001);
      const force = (dist * dist) / k;
      disp[a].x -= (dx / dist) * force; disp[a].y -= (dy / dist) * force;
      disp[b].x += (dx / dist) * force; disp[b].y += (dy / dist) * force;
    }
    for (let i = 0; i < n; i += 1) {
      disp[i].x += (0.5 - pos[i].x) * 0.15 * k;
      disp[i].y += (0.5 - pos[i].y) * 0.15 * k;
      const length = Math.max(Math.hypot(disp[i].x, disp[i].y), 0.000001);
      const move = Math.min(length, temperature);
      pos[i].x += (disp[i].x / length) * move;
      pos[i].y += (disp[i].y / length) * move;
    }
    temperature = Math.max(0.002, temperature * 0.98);
  }
  return normalize(pos);
}

/** Points turned so that their longest extent is horizontal, scaled into [0,1]² (aspect kept in .aspect). */
function normalize(pos) {
  const cx = pos.reduce((sum, p) => sum + p.x, 0) / pos.length;
  const cy = pos.reduce((sum, p) => sum + p.y, 0) / pos.length;
  let [sxx, syy, sxy] = [0, 0, 0];
  for (const p of pos) {
    sxx += (p.x - cx) ** 2; syy += (p.y - cy) ** 2; sxy += (p.x - cx) * (p.y - cy);
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const [cos, sin] = [Math.cos(-angle), Math.sin(-angle)];
  const turned = pos.map((p) => ({x: (p.x - cx) * cos - (p.y - cy) * sin, y: (p.x - cx) * sin + (p.y - cy) * cos}));
  const xs = turned.map((p) => p.x);
  const ys = turned.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const [w, h] = [Math.max(x1 - x0, 0.001), Math.max(y1 - y0, 0.001)];
  const out = turned.map((p) => ({x: (p.x - x0) / w, y: h > 0.01 ? (p.y - y0) / h : 0.5}));
  out.aspect = Math.max(1, Math.min(2.5, w / Math.max(h, w / 2.5)));
  return out;
}

/**
 * Positions in a width × height box for nodes 0..n-1: each connected component laid out on its own in
 * a square whose side grows with the square root of its size, the squares packed in rows (largest
 * first), so that small separate pairs do not push the main web into a corner.
 */
function packedLayout(n, links, width, height) {
  const parent = Array.from({length: n}, (_, i) => i);
  const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const [a, b] of links) parent[find(a)] = find(b);
  const groups = new Map();
  for (let i = 0; i < n; i += 1) {
    if (!groups.has(find(i))) groups.set(find(i), []);
    groups.get(find(i)).push(i);
  }
  const components = [...groups.values()].sort((a, b) => b.length - a.length || a[0] - b[0]).map((members) => {
    const local = new Map(members.map((node, i) => [node, i]));
    const inner = links.filter(([a]) => local.has(a)).map(([a, b]) => [local.get(a), local.get(b)]);
    const layout = forceLayout(members.length, inner);
    // A web of several actors gets more room than its share of nodes: it is what the eye reads.
    const size = Math.sqrt(members.length) * (members.length >= 5 ? 1.7 : 1) + 0.7;
    return {members, layout, w: size * Math.sqrt(layout.aspect), h: size / Math.sqrt(layout.aspect)};
  });
  const total = components.reduce((sum, c) => sum + c.w, 0);
  let best = null;
  // Try row widths and keep the packing (rows, largest first) that fits the box at the largest scale.
  for (let rowWidth = components[0].w; ; rowWidth *= 1.1) {
    const boxes = [];
    let [x, y, rowHeight, usedWidth] = [0, 0, 0, 0];
    for (const c of components) {
      if (x > 0 && x + c.w > rowWidth + 1e-9) [x, y, rowHeight] = [0, y + rowHeight, 0];
      boxes.push({x, y});
      x += c.w;
      rowHeight = Math.max(rowHeight, c.h);
      usedWidth = Math.max(usedWidth, x);
    }
    const scale = Math.min(width / usedWidth, height / (y + rowHeight));
    if (!best || scale > best.scale) best = {scale, boxes, usedWidth, usedHeight: y + rowHeight};
    if (rowWidth >= total) break;
  }
  const offsetX = (width - best.usedWidth * best.scale) / 2;
  const offsetY = (height - best.usedHeight * best.scale) / 2;
  const pos = new Array(n);
  const margin = 0.35;
  components.forEach((c, k) => {
    const box = best.boxes[k];
    c.members.forEach((node, i) => {
      pos[node] = {
        x: offsetX + (box.x + margin + c.layout[i].x * (c.w - 2 * margin)) * best.scale,
        y: offsetY + (box.y + margin + c.layout[i].y * Math.max(c.h - 2 * margin, 0)) * best.scale,
      };
    });
  });
  return pos;
}

/**
 * Where to write each node's code: below, above, right or left of it, the busiest actors first, skipping
 * a label that would cover another label or a node (every node has its name as a tooltip).
 */
function placeLabels(nodes, px, radius) {
  const boxes = px.map((p, i) => ({x0: p.x - radius[i], x1: p.x + radius[i], y0: p.y - radius[i], y1: p.y + radius[i], node: i}));
  const overlaps = (box, i) => boxes.some((b) => b.node !== i && box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1);
  const placed = new Map();
  for (const i of [...nodes.keys()].sort((a, b) => nodes[b].weight - nodes[a].weight)) {
    const w = 6.6 * nodes[i].code.length + 2;
    const {x, y} = px[i];
    const r = radius[i];
    const options = [
      {x, y: y + r + 11, anchor: "middle", box: {x0: x - w / 2, x1: x + w / 2, y0: y + r + 1, y1: y + r + 13}},
      {x, y: y - r - 4, anchor: "middle", box: {x0: x - w / 2, x1: x + w / 2, y0: y - r - 14, y1: y - r - 2}},
      {x: x + r + 3, y: y + 4, anchor: "start", box: {x0: x + r + 2, x1: x + r + 3 + w, y0: y - 6, y1: y + 6}},
      {x: x - r - 3, y: y + 4, anchor: "end", box: {x0: x - r - 3 - w, x1: x - r - 2, y0: y - 6, y1: y + 6}},
    ];
    const free = options.find((o) => !overlaps(o.box, i));
    if (!free) continue;
    boxes.push({...free.box, node: -1});
    placed.set(i, free);
  }
  return placed;
}

/** The actor network: a node per actor (sized by its events), a curved arrow per directed edge. */
export function drawNetwork(node, edges, onActor) {
  const width = widthOf(node, 600);
  const height = Math.round(Math.max(260, Math.min(380, width * 0.62)));
  const chart = svg("svg", {viewBox: `0 0 ${width} ${height}`, width, height, class: "network", role: "img",
    "aria-label": "Network of actors: who acts on whom"});
  if (!edges.length) {
    chart.append(svg("text", {x: width / 2, y: height / 2, class: "empty", "text-anchor": "middle",
      text: "No events with both a source and a target"}));
    put(node, chart);
    return;
  }
  const index = new Map();
  const nodes = [];
  const addNode = (code, name, count) => {
    if (!index.has(code)) {
      index.set(code, nodes.length);
      nodes.push({code, name: name || code, weight: 0});
    }
    nodes[index.get(code)].weight += count;
    return index.get(code);
  };
  const links = edges.map((e) => ({source: addNode(e.source, e.source_name, e.count),
    target: addNode(e.target, e.target_name, e.count), edge: e}));
  const maxWeight = Math.max(...nodes.map((d) => d.weight));
  const radius = nodes.map((d) => 3 + 8 * Math.sqrt(d.weight / maxWeight));
  const [padX, padY] = [30, 16];
  const px = packedLayout(nodes.length, links.map((l) => [l.source, l.target]), width - 2 * padX, height - 2 * padY - 10)
    .map((p) => ({x: p.x + padX, y: p.y + padY}));
  // Label the busiest actors first and skip a label that would overlap one already placed (every node
  // has its name as a tooltip), so that the labels stay legible.
  const labels = placeLabels(nodes, px, radius);
  const maxCount = Math.max(...edges.map((e) => e.count));

  chart.append(svg("defs", {}, svg("marker", {id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5,
    markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse", markerUnits: "userSpaceOnUse"},
  svg("path", {d: "M0,0 L10,5 L0,10 z", class: "arrowhead"}))));
  const linkGroup = svg("g", {class: "links"});
  for (const link of links) {
    if (link.source === link.target) continue;
    const a = px[link.source];
    const b = px[link.target];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const dist = Math.max(Math.hypot(dx, dy), 1);
    const bend = Math.min(30, dist * 0.15); // curved, so that A->B and B->A are both seen
    const mx = (a.x + b.x) / 2 - (dy / dist) * bend;
    const my = (a.y + b.y) / 2 + (dx / dist) * bend;
    const ex = b.x - ((b.x - mx) / Math.hypot(b.x - mx, b.y - my)) * (radius[link.target] + 2);
    const ey = b.y - ((b.y - my) / Math.hypot(b.x - mx, b.y - my)) * (radius[link.target] + 2);
    const e = link.edge;
    const title = `${e.source_name || e.source} → ${e.target_name || e.target}: ${num(e.count)} events, ` +
      `mean Goldstein ${num(e.goldstein, 1)}`;
    linkGroup.append(svg("path", {d: `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ` +
      `${ex.toFixed(1)},${ey.toFixed(1)}`, class: "edge", stroke: goldsteinColor(e.goldstein),
    "stroke-width": (1 + 3 * Math.sqrt(e.count / maxCount)).toFixed(2), "marker-end": "url(#arrow)",
    "data-source": e.source, "data-target": e.target}, svg("title", {text: title})));
  }
  chart.append(linkGroup);
  const nodeGroup = svg("g", {class: "nodes"});
  nodes.forEach((d, i) => {
    const label = `${d.name} (${d.code}): ${num(d.weight)} events`;
    nodeGroup.append(svg("g", {class: "node", "data-actor": d.code, transform: `translate(${px[i].x.toFixed(1)},${px[i].y.toFixed(1)})`,
      tabindex: 0, role: "button", "aria-label": label,
      onclick: () => onActor(d.code), onkeydown: (e) => { if (e.key === "Enter") onActor(d.code); }},
    svg("title", {text: label}),
    svg("circle", {r: radius[i].toFixed(1)})));
  });
  const labelGroup = svg("g", {class: "node-labels"});
  for (const [i, at] of labels) {
    labelGroup.append(svg("text", {x: at.x.toFixed(1), y: at.y.toFixed(1), "text-anchor": at.anchor, text: nodes[i].code}));
  }
  chart.append(nodeGroup, labelGroup);
  put(node, chart);
}
