// dateline's web view: a dashboard (timeline, map, actor network, event table), an event's mentions and
// an article with its events and quotes highlighted. Hash routes: #/?filters, #/event/ID,
// #/article/ID?event=MENTION_ID (or an event id: its mention in that article is selected).

import {drawMap, drawNetwork, drawTimeline, periodLabel, timelineLegend} from "./charts.js";
import {el, goldsteinColor, num, plural, put, QUADS} from "./dom.js";
import {renderArticle} from "./article.js";

const $ = (selector) => document.querySelector(selector);
const FILTER_KEYS = ["actor", "partner", "since", "until", "interval", "q", "period", "end", "bbox", "place"];
const QUAD_NAMES = Object.fromEntries(QUADS.map((q) => [q.quad, q.name]));

let meta = null;
let world = null;
let renderToken = 0;
const articleCache = new Map();

/** GET an API path with query parameters; throws an Error with the server's message on failure. */
async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== "" && v !== null && v !== undefined) query.append(key, v);
    }
  }
  const url = `api/${path}${query.toString() ? `?${query}` : ""}`;
  const response = await fetch(url, {headers: {Accept: "application/json"}});
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `${response.status} ${response.statusText}`;
    throw new Error(`${path}: ${message}`);
  }
  return body;
}

function status(message, kind = "") {
  const node = $("#status");
  node.textContent = message || "";
  node.className = `status ${kind}`;
}

function show(id) {
  for (const section of ["#dashboard", "#event-view", "#article-view"]) $(section).hidden = section !== id;
  $("#controls").hidden = id !== "#dashboard";
}

function parseHash() {
  const hash = location.hash.slice(1) || "/";
  const [path, query = ""] = hash.split("?");
  return {parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query)};
}

// ---- filters ---------------------------------------------------------------------------------

function currentFilters() {
  const {params} = parseHash();
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) || ""]));
}

function go(filters) {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) query.set(key, filters[key]);
  location.hash = `#/${query.toString() ? `?${query}` : ""}`;
}

/** The API's event filters for the dashboard's controls (actor or dyad, dates, text). */
function eventParams(f) {
  const params = {since: f.since, until: f.until, q: f.q};
  if (f.actor && f.partner) params.dyad = `${f.actor},${f.partner}`;
  else if (f.actor) params.actor = f.actor;
  return params;
}

/** The table's filters: the controls' plus the chosen period and place. */
function tableParams(f) {
  const params = eventParams(f);
  if (f.period) {
    params.since = f.since && f.since > f.period ? f.since : f.period;
    params.until = f.until && f.end && f.until < f.end ? f.until : f.end || f.period;
  }
  if (f.bbox) params.bbox = f.bbox;
  return params;
}

function intervalFor(f) {
  if (f.interval && f.interval !== "auto") return f.interval;
  const first = f.since || (meta && meta.first_date);
  const last = f.until || (meta && meta.last_date);
  if (!first || !last) return "week";
  const days = (Date.parse(last) - Date.parse(first)) / 86400000;
  return days <= 45 ? "day" : days <= 3 * 365 ? "week" : "month";
}

function actorLabel(actor) {
  return `${actor.code} · ${actor.name || actor.code} (${num(actor.count)})`;
}

function fillControls(f) {
  const actor = $("#actor");
  const partner = $("#partner");
  if (actor.options.length === 1 && meta) {
    for (const a of meta.actors || []) {
      actor.append(el("option", {value: a.code, text: actorLabel(a)}));
      partner.append(el("option", {value: a.code, text: actorLabel(a)}));
    }
  }
  for (const [select, code] of [[actor, f.actor], [partner, f.partner]]) {
    if (code && ![...select.options].some((o) => o.value === code)) select.append(el("option", {value: code, text: code}));
    select.value = code;
  }
  partner.disabled = !f.actor;
  $("#since").value = f.since;
  $("#until").value = f.until;
  $("#interval").value = f.interval || "auto";
  $("#q").value = f.q;
}

function bindControls() {
  const controls = $("#controls");
  const apply = () => {
    const f = currentFilters();
    const actor = $("#actor").value;
    go({...f, actor, partner: actor ? $("#partner").value : "", since: $("#since").value,
      until: $("#until").value, interval: $("#interval").value === "auto" ? "" : $("#interval").value,
      q: $("#q").value.trim(), period: "", end: "", bbox: "", place: ""});
  };
  for (const id of ["#actor", "#partner", "#since", "#until", "#interval"]) $(id).addEventListener("change", apply);
  $("#q").addEventListener("change", apply);
  controls.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  $("#reset").addEventListener("click", () => go({}));
}

// ---- dashboard ---------------------------------------------------------------------------------

async function loadWorld() {
  if (!world) {
    const response = await fetch("static/world.json");
    if (!response.ok) throw new Error(`world outline: ${response.status}`);
    world = await response.json();
  }
  return world;
}

async function renderDashboard(token) {
  show("#dashboard");
  const f = currentFilters();
  fillControls(f);
  const interval = intervalFor(f);
  const params = eventParams(f);
  status("Loading…");
  const [series, places, countries, edges, shape] = await Promise.all([
    api("analyses/timeseries", {...params, interval}),
    api("analyses/geo", {...params, by: "place"}),
    api("analyses/geo", {...params, by: "country"}),
    api("analyses/edges", {...params, limit: 60}),
    loadWorld(),
  ]);
  if (token !== renderToken) return;
  status("");
  const total = series.items.reduce((sum, d) => sum + d.count, 0);
  $("#timeline-note").textContent = `${plural(total, "dated event")} per ${series.interval || interval}; click a bar for its events`;
  drawTimeline($("#timeline"), series.items, series.interval || interval, f.period, (period, end) =>
    go({...f, period, end, interval: f.interval}));
  put($("#timeline-legend"), ...timelineLegend().map(([swatch, name]) => el("span", {}, swatch, name)));
  const located = places.items.reduce((sum, d) => sum + d.count, 0);
  $("#map-note").textContent = `${plural(located, "event")} at ${plural(places.items.length, "place")}; click a dot for its events`;
  drawMap($("#map"), shape, places.items, countries.items, (place) =>
    go({...f, bbox: bboxAround(place), place: place.name || `${place.lat},${place.lon}`}));
  $("#network-note").textContent = `${edges.items.length >= 60 ? "the 60 most frequent dyads" : plural(edges.items.length, "dyad")}` +
    "; click an actor to follow it";
  drawNetwork($("#network"), edges.items, (code) =>
    go({...f, actor: code, partner: "", period: "", end: "", bbox: "", place: ""}));
  await renderTable(f, token);
}

function bboxAround(place) {
  const d = 0.01;
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  return [clamp(place.lon - d, -180, 180), clamp(place.lat - d, -90, 90), clamp(place.lon + d, -180, 180),
    clamp(place.lat + d, -90, 90)].map((v) => v.toFixed(4)).join(",");
}

function chip(label, onRemove) {
  return el("span", {class: "chip"}, label, " ",
    el("button", {type: "button", class: "remove", "aria-label": `Remove ${label}`, text: "×", onclick: onRemove}));
}

async function renderTable(f, token) {
  const chips = [];
  const interval = intervalFor(f);
  if (f.period) {
    const label = interval === "day" || f.end === f.period ? periodLabel(f.period, "day")
      : `${periodLabel(f.period, "day")} – ${periodLabel(f.end, "day")}`;
    chips.push(chip(`Period: ${label}`, () => go({...f, period: "", end: ""})));
  }
  if (f.bbox) chips.push(chip(`Place: ${f.place || f.bbox}`, () => go({...f, bbox: "", place: ""})));
  put($("#table-filter"), ...chips);
  const body = $("#events-table tbody");
  body.replaceChildren();
  const more = $("#more");
  more.hidden = true;
  const params = tableParams(f);
  let shown = 0;
  if (params.since && params.until && params.since > params.until) { // the period lies outside the dates
    $("#table-note").textContent = "0 shown";
    body.append(el("tr", {class: "empty"}, el("td", {colspan: 6, text: "No events match these filters."})));
    return;
  }
  const load = async (cursor) => {
    more.disabled = true;
    const page = await api("events", {...params, limit: 50, cursor});
    if (token !== renderToken) return;
    for (const event of page.items) body.append(eventRow(event));
    shown += page.items.length;
    $("#table-note").textContent = `${num(shown)} shown${page.next ? ", more to load" : ""}`;
    if (!shown) body.append(el("tr", {class: "empty"}, el("td", {colspan: 6, text: "No events match these filters."})));
    more.hidden = !page.next;
    more.disabled = false;
    more.onclick = page.next ? () => load(page.next).catch(fail) : null;
  };
  await load(null);
}

function actorCell(code, name, country) {
  if (!code && !name) return el("td", {class: "muted", text: "–"});
  return el("td", {title: [name, code, country].filter(Boolean).join(" · ")},
    el("span", {class: "actor-name", text: name || code}), code ? el("span", {class: "code", text: code}) : null);
}

/** The evidence sentence with its trigger marked (first occurrence, case-insensitive). */
function evidence(sentence, trigger) {
  const text = sentence || "";
  const at = trigger ? text.toLowerCase().indexOf(trigger.toLowerCase()) : -1;
  if (at < 0) return [text];
  return [text.slice(0, at), el("mark", {text: text.slice(at, at + trigger.length)}), text.slice(at + trigger.length)];
}

function eventName(event) {
  return event.plover_event ? `${event.plover_event.toLowerCase()}${event.plover_mode ? ` (${event.plover_mode})` : ""}` : "";
}

function eventRow(event) {
  const open = () => { location.hash = `#/event/${encodeURIComponent(event.event_id)}`; };
  return el("tr", {"data-event": event.event_id, tabindex: 0, onclick: open,
    onkeydown: (e) => { if (e.key === "Enter") open(); }},
  el("td", {class: "date"}, el("a", {href: `#/event/${encodeURIComponent(event.event_id)}`, text: event.date || "–"})),
  actorCell(event.source_code, event.source_name, event.source_country),
  el("td", {class: "cameo", title: QUAD_NAMES[event.quad] || ""},
    el("span", {class: `quad-dot q${event.quad}`}), el("span", {class: "code", text: event.cameo}), " ",
    el("span", {text: eventName(event)})),
  actorCell(event.target_code, event.target_name, event.target_country),
  el("td", {class: "place", text: [event.location_name, event.location_country].filter(Boolean).join(", ") || "–"}),
  el("td", {class: "evidence"}, ...evidence(event.evidence, event.trigger)));
}

// ---- event view --------------------------------------------------------------------------------

function fact(label, ...value) {
  return [el("dt", {text: label}), el("dd", {}, ...value)];
}

function summaryLine(event) {
  return el("p", {class: "summary"},
    el("span", {class: "actor", text: event.source_name || event.source_code || "someone"}),
    el("span", {class: "act", style: `border-color: ${goldsteinColor(event.goldstein)}`},
      `${event.trigger || eventName(event) || event.cameo}`),
    el("span", {class: "actor", text: event.target_name || event.target_code || "–"}));
}

async function renderEvent(id, token) {
  const event = await api(`events/${encodeURIComponent(id)}`);
  if (token !== renderToken) return;
  const view = $("#event-view");
  const mentions = (event.mentions || []).map((m) => el("li", {},
    el("a", {class: "mention", href: `#/article/${encodeURIComponent(m.article_id)}?event=${encodeURIComponent(m.mention_id)}`,
      "data-article": m.article_id, "data-mention": m.mention_id, text: m.title || m.article_id}),
    el("span", {class: "byline", text: ` ${m.published || ""}${m.confidence !== undefined ? ` · confidence ${num(m.confidence, 2)}` : ""}`}),
    el("blockquote", {}, ...evidence(typeof m.evidence === "string" ? m.evidence : m.sentence, m.trigger))));
  put(view, el("div", {class: "panel"},
    el("p", {}, el("a", {href: "#/", class: "back", text: "← Dashboard"})),
    el("h1", {text: "Event"}),
    summaryLine(event),
    el("dl", {class: "facts"},
      fact("Date", event.date || "–"),
      fact("Source", [event.source_name, event.source_code, event.source_country].filter(Boolean).join(" · ") || "–"),
      fact("Target", [event.target_name, event.target_code, event.target_country].filter(Boolean).join(" · ") || "–"),
      fact("CAMEO", el("span", {class: "code", text: event.cameo}), ` root ${event.root || "–"} · `,
        el("span", {class: `quad-dot q${event.quad}`}), QUAD_NAMES[event.quad] || `quad ${event.quad}`),
      fact("PLOVER", eventName(event) || "–"),
      fact("Goldstein", el("span", {style: `color: ${goldsteinColor(event.goldstein)}`, text: num(event.goldstein, 1)})),
      fact("Confidence", num(event.confidence, 2)),
      fact("Place", [event.location_name, event.location_country].filter(Boolean).join(", ") || "–"),
      fact("Reported", `${plural(event.num_mentions, "mention")} in ${plural(event.num_articles, "article")} ` +
        `from ${plural(event.num_sources, "source")}`)),
    el("h2", {text: `Mentions (${(event.mentions || []).length})`}),
    el("ul", {class: "mentions"}, ...mentions)));
  show("#event-view");
  window.scrollTo(0, 0);
}

// ---- article view ------------------------------------------------------------------------------

async function renderArticleRoute(id, selected, token) {
  let article = articleCache.get(id);
  if (!article) {
    article = await api(`articles/${encodeURIComponent(id)}`);
    if (token !== renderToken) return;
    articleCache.set(id, article);
    if (articleCache.size > 20) articleCache.delete(articleCache.keys().next().value);
  }
  show("#article-view");
  const select = (mentionId) => {
    history.replaceState(null, "", `#/article/${encodeURIComponent(id)}?event=${encodeURIComponent(mentionId)}`);
    renderArticle(article, mentionId, {onSelect: select, scroll: false});
  };
  renderArticle(article, selected, {onSelect: select});
}

// ---- routing -----------------------------------------------------------------------------------

function fail(error) {
  status(`Something went wrong: ${error.message || error}`, "error");
}

async function route() {
  renderToken += 1;
  const token = renderToken;
  const {parts, params} = parseHash();
  status("");
  document.body.dataset.state = "loading";
  try {
    if (parts[0] === "event" && parts[1]) await renderEvent(parts[1], token);
    else if (parts[0] === "article" && parts[1]) await renderArticleRoute(parts[1], params.get("event") || "", token);
    else await renderDashboard(token);
  } catch (error) {
    if (token === renderToken) fail(error);
  }
  if (token === renderToken) document.body.dataset.state = "ready";
}

async function start() {
  bindControls();
  put($("#article-legend"), ...["trigger", "source", "target", "speaker", "quote"].map((role) =>
    el("span", {class: `key ${role}`, text: role})));
  try {
    meta = await api("meta");
    const range = meta.first_date ? ` · ${meta.first_date} – ${meta.last_date}` : "";
    $("#meta").textContent = `${num(meta.articles)} articles · ${num(meta.events)} events · ` +
      `${num(meta.mentions)} mentions · ${num(meta.quotes)} quotes${range}`;
  } catch (error) {
    fail(error);
  }
  window.addEventListener("hashchange", route);
  await route();
}

start();
