// DOM helpers: every piece of data goes into the page as text (textContent, attributes), never as HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.setAttribute("class", value);
    else if (name === "text") node.textContent = String(value);
    else if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: el("a", {href: "#/", class: "x"}, "text", otherNode). */
export function el(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element, the same way. */
export function svg(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Replace a node's children. */
export function put(node, ...children) {
  node.replaceChildren();
  return fill(node, {}, children);
}

/** A number with thousands separators; "" for null. */
export function num(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  return Number(value).toLocaleString("en-US", {minimumFractionDigits: digits, maximumFractionDigits: digits});
}

/** "1 event", "3 events". */
export function plural(count, word) {
  return `${num(count)} ${word}${count === 1 ? "" : "s"}`;
}

/** The colour of a Goldstein value (-10 red, 0 grey, +10 green). */
export function goldsteinColor(value) {
  const v = Math.max(-10, Math.min(10, Number(value) || 0)) / 10;
  const grey = [136, 142, 150];
  const end = v < 0 ? [200, 60, 50] : [40, 140, 90];
  const t = Math.abs(v) ** 0.7;
  const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * t));
  return `rgb(${mix.join(",")})`;
}

export const QUADS = [
  {quad: 1, name: "Verbal cooperation", color: "#8cc9a2"},
  {quad: 2, name: "Material cooperation", color: "#2e8b57"},
  {quad: 3, name: "Verbal conflict", color: "#f2a65a"},
  {quad: 4, name: "Material conflict", color: "#c8453b"},
];

/** The width a chart container gives, with a fallback when it is not laid out yet. */
export function widthOf(node, fallback = 800) {
  const width = Math.floor(node.getBoundingClientRect().width);
  return width > 50 ? width : fallback;
}
