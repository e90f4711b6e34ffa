// src/viz/exportChart.ts: a chart handed to the learner as a file: its picture as SVG or PNG, its data as CSV.
//
// The picture is rebuilt from what the browser shows: every SVG inside the figure is copied with its computed
// styles inlined (so it looks the same outside the page, in either colour scheme), heatmap canvases become images,
// and the HTML around them (caption, legends, coloured characters) becomes text and rectangles at the place it
// was drawn. The PNG is that picture painted onto a canvas at twice the size, canvases first, so cells stay crisp.

/** A chart's data as columns: the chart's own unformatted values (full precision), one row per point. */
export interface ChartData {
  headers: readonly string[];
  /** null or undefined: no value there (a series with fewer points than the others). */
  rows: readonly (readonly (number | string | null | undefined)[])[];
}

/**
 * RFC 4180 text: comma-separated, CRLF line ends, a field quoted when it holds a comma, quote or line break.
 * Numbers keep full precision (the shortest text that reads back as the same float64); NaN and ±Infinity are
 * written as such, since a diverged run's values are data too.
 */
export function toCsv(data: ChartData): string {
  const field = (v: number | string | null | undefined): string => {
    if (v === null || v === undefined) return "";
    const s = typeof v === "number" ? String(v) : v;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [data.headers, ...data.rows].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}

/** A file name from a chart's title: "Training and validation loss" → "training-and-validation-loss". */
export function fileBaseName(title: string): string {
  const slug = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return slug || "chart";
}

/** Hands a file to the learner as a download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download; the URL can go once the current task is done.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  });
}

export function downloadCsv(data: ChartData, title: string): void {
  // The byte-order mark lets spreadsheet programs read the UTF-8 (‖∂L/∂h‖, Chinese) as UTF-8.
  downloadBlob(new Blob(["\uFEFF", toCsv(data)], { type: "text/csv;charset=utf-8" }), `${fileBaseName(title)}.csv`);
}

export function downloadSvg(figure: HTMLElement, title: string): void {
  const { svg } = composeSvg(figure, { withCanvases: true, withBackground: true });
  downloadBlob(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }), `${fileBaseName(title)}.svg`);
}

export async function downloadPng(figure: HTMLElement, title: string, scale = 2): Promise<void> {
  downloadBlob(await chartToPng(figure, scale), `${fileBaseName(title)}.png`);
}

/** Parts of a figure that are controls or words for the screen, not the chart: left out of pictures. */
const NOT_PICTURED = ".viz-export, .viz-data, .viz-readout, .viz-sr-only";
/** Room left around the picture. */
const PAD = 8;
const SVG_NS = "http://www.w3.org/2000/svg";

/** The SVG properties whose computed values are copied onto each copied element. */
const SVG_PROPS = [
  "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "stroke-dashoffset",
  "stroke-linecap", "stroke-linejoin", "opacity", "font-family", "font-size", "font-weight", "font-style",
  "font-variant-numeric", "text-anchor", "dominant-baseline", "paint-order", "shape-rendering",
] as const;

interface Canvased {
  canvas: HTMLCanvasElement;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ComposedSvg {
  svg: string;
  width: number;
  height: number;
  background: string;
  /** The canvases (heatmap cells), placed in the picture's coordinates. */
  canvases: Canvased[];
}

const isTransparent = (colour: string): boolean => colour === "transparent" || /^rgba\(.*,\s*0\)$/.test(colour);

/** The colour the figure is seen on: its own background or the nearest painted ancestor's; white if none. */
function backgroundOf(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && !isTransparent(bg)) return bg;
  }
  return "#ffffff";
}

const attr = (v: string): string => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const text = (v: string): string => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The figure as one standalone SVG document. Coordinates are CSS pixels from the figure's top-left corner;
 * the size is that of what is pictured (controls and data tables below the chart are left out).
 */
export function composeSvg(figure: HTMLElement, options: { withCanvases: boolean; withBackground: boolean }): ComposedSvg {
  const origin = figure.getBoundingClientRect();
  const parts: string[] = [];
  const canvases: Canvased[] = [];
  let right = 0;
  let bottom = 0;
  const place = (r: DOMRect): { x: number; y: number } => {
    const x = r.left - origin.left + PAD;
    const y = r.top - origin.top + PAD;
    right = Math.max(right, x + r.width);
    bottom = Math.max(bottom, y + r.height);
    return { x, y };
  };
  let gradients = 0;

  const visit = (el: Element): void => {
    if (el.matches(NOT_PICTURED)) return;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") return;
    if (el instanceof SVGSVGElement) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return;
      const { x, y } = place(r);
      parts.push(copySvg(el, x, y, r.width, r.height));
      return;
    }
    if (el instanceof HTMLCanvasElement) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return;
      const { x, y } = place(r);
      canvases.push({ canvas: el, x, y, width: r.width, height: r.height });
      if (options.withCanvases) {
        let href: string;
        try {
          href = el.toDataURL("image/png");
        } catch {
          href = ""; // a canvas the page may not read leaves its place empty; the rest of the chart still exports
        }
        if (href.startsWith("data:image/png")) {
          parts.push(
            `<image x="${x}" y="${y}" width="${r.width}" height="${r.height}" preserveAspectRatio="none" ` +
              `image-rendering="optimizeSpeed" style="image-rendering:pixelated" href="${href}"/>`,
          );
        }
      }
      return;
    }
    // HTML: its painted background (a coloured character, a colour bar), then its text and children.
    const r = el.getBoundingClientRect();
    if (el !== figure && r.width > 0 && r.height > 0) {
      if (!isTransparent(style.backgroundColor)) {
        const { x, y } = place(r);
        parts.push(`<rect x="${x}" y="${y}" width="${r.width}" height="${r.height}" fill="${attr(style.backgroundColor)}"/>`);
      }
      const stops = /^linear-gradient\(to right, (.*)\)$/.exec(style.backgroundImage)?.[1].match(/rgba?\([^)]*\)/g);
      if (stops && stops.length > 1) {
        const { x, y } = place(r);
        const id = `export-gradient-${gradients++}`;
        const stopTags = stops.map((c, k) => `<stop offset="${k / (stops.length - 1)}" stop-color="${c}"/>`).join("");
        parts.push(`<defs><linearGradient id="${id}">${stopTags}</linearGradient></defs>`);
        parts.push(`<rect x="${x}" y="${y}" width="${r.width}" height="${r.height}" fill="url(#${id})"/>`);
      }
    }
    for (const node of el.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) parts.push(...textOf(node as Text, style, place));
      else if (node instanceof Element) visit(node);
    }
  };
  visit(figure);

  const width = Math.ceil(right + PAD);
  const height = Math.ceil(bottom + PAD);
  const background = backgroundOf(figure);
  const backdrop = options.withBackground ? `<rect width="100%" height="100%" fill="${attr(background)}"/>` : "";
  const svg =
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    backdrop +
    parts.join("") +
    "</svg>";
  return { svg, width, height, background, canvases };
}

/** A text node as SVG text at the place it was drawn; a wrapped one word by word, so each line keeps its place. */
function textOf(node: Text, style: CSSStyleDeclaration, place: (r: DOMRect) => { x: number; y: number }): string[] {
  const content = node.data;
  if (!content.trim()) return [];
  const range = document.createRange();
  range.selectNodeContents(node);
  const lines = range.getClientRects();
  const pieces: { s: string; r: DOMRect }[] = [];
  if (lines.length <= 1) {
    const r = range.getBoundingClientRect();
    pieces.push({ s: content.replace(/\s+/g, " ").trim(), r });
  } else {
    for (const m of content.matchAll(/\S+/g)) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      pieces.push({ s: m[0], r: range.getBoundingClientRect() });
    }
  }
  const font =
    `font-family:${style.fontFamily};font-size:${style.fontSize};font-weight:${style.fontWeight};` +
    `font-style:${style.fontStyle};fill:${style.color}`;
  return pieces
    .filter((p) => p.r.width > 0 && p.r.height > 0)
    .map(({ s, r }) => {
      const { x, y } = place(r);
      return `<text x="${x}" y="${y + r.height / 2}" dominant-baseline="central" style="${attr(font)}" xml:space="preserve">${text(s)}</text>`;
    });
}

/** A copy of an SVG element with its computed presentation inlined, placed at (x, y). */
function copySvg(svg: SVGSVGElement, x: number, y: number, width: number, height: number): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll("*")];
  const copies = [copy, ...copy.querySelectorAll("*")];
  originals.forEach((el, k) => {
    const c = copies[k];
    const computed = getComputedStyle(el);
    const inline: string[] = [];
    for (const p of SVG_PROPS) {
      const v = computed.getPropertyValue(p);
      if (v) inline.push(`${p}:${v}`);
    }
    if (computed.display === "none") inline.push("display:none");
    if (computed.visibility === "hidden") inline.push("visibility:hidden");
    c.setAttribute("style", inline.join(";"));
    // Presentation attributes naming the page's CSS variables mean nothing in a file; the inline style has their values.
    for (const { name, value } of [...c.attributes]) if (value.includes("var(")) c.removeAttribute(name);
    // What the page needs (focus, names for assistive technology, hover handlers) means nothing in a file.
    for (const name of ["tabindex", "role", "aria-label", "aria-hidden", "aria-keyshortcuts", "focusable", "class"]) c.removeAttribute(name);
  });
  copy.setAttribute("x", String(x));
  copy.setAttribute("y", String(y));
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  copy.setAttribute("overflow", "visible");
  return new XMLSerializer().serializeToString(copy);
}

/** The figure as a PNG at `scale` times its CSS size: background, then the canvases unsmoothed, then the SVG on top. */
export async function chartToPng(figure: HTMLElement, scale = 2): Promise<Blob> {
  const composed = composeSvg(figure, { withCanvases: false, withBackground: false });
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(composed.width * scale);
  canvas.height = Math.ceil(composed.height * scale);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("this browser gave no 2D canvas to draw the picture on");
  ctx.scale(scale, scale);
  ctx.fillStyle = composed.background;
  ctx.fillRect(0, 0, composed.width, composed.height);
  // One canvas pixel per value, scaled up as crisp cells, as on screen (image-rendering: pixelated).
  ctx.imageSmoothingEnabled = false;
  for (const c of composed.canvases) ctx.drawImage(c.canvas, c.x, c.y, c.width, c.height);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(composed.svg)}`;
  await image.decode();
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(image, 0, 0, composed.width, composed.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob) resolve(blob);
      else reject(new Error("the browser could not encode the PNG"));
    }, "image/png");
  });
}
