// The article view: the text with each event's source, trigger and target and each quote's speaker and
// content highlighted (offsets are code-point offsets: the text is sliced as Array.from(text)), the
// selected event marked and in view, and the other articles that report the same event.

import {el, goldsteinColor, num, put, QUADS} from "./dom.js";

const $ = (selector) => document.querySelector(selector);
// Nesting order where spans cover the same text: a quote holds a speaker, an actor holds a trigger.
const RANK = {quote: 0, speaker: 1, source: 2, target: 2, trigger: 3};
const QUAD_NAMES = Object.fromEntries(QUADS.map((q) => [q.quad, q.name]));

function describe(event) {
  const act = event.plover_event ? `${event.plover_event.toLowerCase()}` : "";
  return `CAMEO ${event.cameo}${act ? ` · ${act}` : ""} · ${QUAD_NAMES[event.quad] || ""} · Goldstein ${num(event.goldstein, 1)}`;
}

/** The highlighted spans of an article: [{start, end, role, attrs, title}], valid offsets only. */
function annotations(article, length) {
  const spans = [];
  const add = (start, end, role, attrs, title) => {
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= length && start < end) {
      spans.push({start, end, role, attrs, title});
    }
  };
  for (const e of article.events || []) {
    const attrs = {"data-mention": e.mention_id, "data-event": e.event_id};
    add(e.start, e.end, "trigger", attrs, `${e.trigger}: ${describe(e)}`);
    for (const side of ["source", "target"]) {
      const actor = e[side];
      if (actor) add(actor.start, actor.end, side, attrs, `${side}: ${actor.name || actor.text}${actor.code ? ` (${actor.code})` : ""}`);
    }
  }
  for (const q of article.quotes || []) {
    const attrs = {"data-quote": q.id};
    const who = q.speaker ? q.speaker.name || q.speaker.text : "unknown speaker";
    add(q.start, q.end, "quote", attrs, `${q.direct ? "quote" : "indirect quote"} of ${who}`);
    if (q.speaker) add(q.speaker.start, q.speaker.end, "speaker", attrs, `speaker${q.speaker.code ? ` (${q.speaker.code})` : ""}`);
  }
  return spans;
}

function order(a, b) {
  return a.start - b.start || b.end - a.end || RANK[a.role] - RANK[b.role];
}

/** The characters from..to with the spans (all inside from..to) nested as elements; a span that
 * crosses another's end is cut in two there. */
function build(chars, spans, from, to) {
  const out = [];
  let pos = from;
  let rest = [...spans].sort(order);
  while (rest.length) {
    const span = rest.shift();
    if (span.start > pos) out.push(chars.slice(pos, span.start).join(""));
    const inside = [];
    const after = [];
    for (const other of rest) {
      if (other.start >= span.end) after.push(other);
      else if (other.end <= span.end) inside.push(other);
      else {
        inside.push({...other, end: span.end});
        after.push({...other, start: span.end, cut: true});
      }
    }
    const tag = span.role === "trigger" ? "mark" : "span";
    out.push(el(tag, {...span.attrs, class: `ann ${span.role}${span.cut ? " cut" : ""}`, "data-role": span.role,
      "data-start": span.start, "data-end": span.end, title: span.title}, ...build(chars, inside, span.start, span.end)));
    pos = Math.max(pos, span.end);
    rest = after.sort(order);
  }
  if (pos < to) out.push(chars.slice(pos, to).join(""));
  return out;
}

function sideActor(actor, fallback) {
  if (!actor) return el("span", {class: "actor muted", text: fallback});
  return el("span", {class: "actor", title: actor.code || "", text: actor.name || actor.text});
}

function selectedCard(article, event) {
  if (!event) return el("p", {class: "muted", text: "Click a highlighted event in the text to see it here."});
  const others = (event.others || []).map((o) => el("li", {},
    el("a", {class: "other", href: `#/article/${encodeURIComponent(o.article_id)}?event=${encodeURIComponent(event.event_id)}`,
      "data-article": o.article_id, text: o.title || o.article_id})));
  return el("div", {class: "selected-event"},
    el("p", {class: "summary"}, sideActor(event.source, "someone"),
      el("span", {class: "act", style: `border-color: ${goldsteinColor(event.goldstein)}`, text: event.trigger}),
      sideActor(event.target, "–")),
    el("p", {class: "byline", text: `${describe(event)} · confidence ${num(event.confidence, 2)}`}),
    el("p", {}, el("a", {class: "open-event", href: `#/event/${encodeURIComponent(event.event_id)}`,
      "data-event": event.event_id, text: "Event view: all its mentions →"})),
    el("h3", {text: others.length ? `Also reported in ${others.length} other article${others.length > 1 ? "s" : ""}` : "Reported only here"}),
    others.length ? el("ul", {class: "others"}, ...others) : null);
}

/**
 * Render ``article`` into #article-view with the mention ``selected`` (a mention id, or an event id:
 * its mention here) marked; ``onSelect(mentionId)`` is called when another event is clicked.
 */
export function renderArticle(article, selected, {onSelect, scroll = true}) {
  const events = [...(article.events || [])].sort((a, b) => a.start - b.start);
  const current = events.find((e) => e.mention_id === selected) || events.find((e) => e.event_id === selected) || null;
  $("#article-title").textContent = article.title || article.id;
  const byline = [article.published, article.id].filter(Boolean).join(" · ");
  put($("#article-meta"), byline, article.url ? " · " : "",
    article.url ? el("a", {href: article.url, rel: "noopener noreferrer", target: "_blank", text: "original"}) : null);
  const chars = Array.from(article.text || "");
  const text = $("#article-text");
  put(text, ...build(chars, annotations(article, chars.length), 0, chars.length));
  text.onclick = (e) => {
    const target = e.target.closest("[data-mention]");
    if (target && text.contains(target)) onSelect(target.dataset.mention);
  };
  if (current) {
    for (const node of text.querySelectorAll("[data-mention]")) {
      if (node.dataset.mention === current.mention_id) node.classList.add("selected");
    }
  }
  const list = events.map((e) => el("li", {class: current && e.mention_id === current.mention_id ? "selected" : ""},
    el("button", {type: "button", class: "event-item", "data-mention": e.mention_id, onclick: () => onSelect(e.mention_id)},
      el("span", {class: `quad-dot q${e.quad}`}),
      `${e.source ? e.source.name || e.source.text : "?"} · ${e.trigger} · ${e.target ? e.target.name || e.target.text : "–"}`)));
  const quotes = (article.quotes || []).map((q) => el("li", {},
    el("span", {class: "speaker-name", text: q.speaker ? q.speaker.name || q.speaker.text : "unknown"}),
    q.cue ? el("span", {class: "muted", text: ` ${q.cue}`}) : null,
    el("q", {class: q.direct ? "direct" : "indirect", text: q.content})));
  put($("#article-side"),
    el("p", {}, el("a", {href: "#/", class: "back", text: "← Dashboard"})),
    el("h2", {text: "Selected event"}),
    selectedCard(article, current),
    el("h2", {text: `Events in this article (${events.length})`}),
    events.length ? el("ul", {class: "event-list"}, ...list) : el("p", {class: "muted", text: "None coded."}),
    el("h2", {text: `Quotes (${quotes.length})`}),
    quotes.length ? el("ul", {class: "quote-list"}, ...quotes) : el("p", {class: "muted", text: "None found."}));
  if (current && scroll) {
    const mark = text.querySelector(`mark.selected[data-role="trigger"]`);
    if (mark) mark.scrollIntoView({block: "center"});
  } else if (scroll) {
    window.scrollTo(0, 0);
  }
}
