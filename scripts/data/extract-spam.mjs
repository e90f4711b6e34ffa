// scripts/data/extract-spam.mjs: SpamAssassin's public corpus as a small spam/ham table (subject + start of the body).
//
//   node scripts/data/extract-spam.mjs      (or: npm run data:extract -- spam)
//
// Writes public/data/spam.tsv: a header line `label<TAB>subject<TAB>body`, then one message per line, label `spam`
// or `ham`. How a message is cleaned (see clean() and bodyText()):
//   - headers are unfolded; the Subject's RFC 2047 encoded words are decoded;
//   - the body is the first text/plain part of the MIME tree (else the first text/html part, its tags removed),
//     quoted-printable or base64 decoded, in its declared charset;
//   - quoted reply lines (starting with ">") and "-----Original Message-----" tails are dropped;
//   - web addresses become "<url>", e-mail addresses "<email>" (the corpus has its addresses partly blanked
//     out, so they tell nothing but make the lines long); white space is collapsed to single spaces;
//   - the body is cut to its first BODY_CHARS characters (at a word boundary).
// Duplicates (same subject and body) are kept once; messages with neither subject nor body are dropped. At most
// PER_CLASS messages of each class are kept, chosen by the MD5 checksum the corpus gives each file (a fixed,
// arbitrary order that mixes the corpus's groups: easy-ham-1, easy-ham-2, hard-ham-1, spam-1, spam-2).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageDir, sortedFiles, writeExtract } from "./stdlib.mjs";

const BODY_CHARS = 300;
const PER_CLASS = 1500;
const GROUPS = { "easy-ham-1": "ham", "easy-ham-2": "ham", "hard-ham-1": "ham", "spam-1": "spam", "spam-2": "spam" };

/** Bytes held as a "binary" string (one char per byte) to text in `charset`; unknown charsets read as Windows-1252. */
function decodeBytes(binary, charset) {
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0) & 0xff);
  const label = (charset || "us-ascii").toLowerCase().replace(/^["']|["']$/g, "");
  try {
    return new TextDecoder(label === "us-ascii" || label === "default" ? "windows-1252" : label).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function decodeQuotedPrintable(s) {
  return s.replace(/=\r?\n/g, "").replace(/=([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

function decodeBase64(s) {
  return Buffer.from(s.replace(/[^A-Za-z0-9+/=]/g, ""), "base64").toString("latin1");
}

/** "=?utf-8?Q?Caf=C3=A9?=" → "Café" (RFC 2047), for the Subject line. */
function decodeEncodedWords(s) {
  return s
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset, enc, text) =>
      decodeBytes(enc.toUpperCase() === "B" ? decodeBase64(text) : decodeQuotedPrintable(text.replace(/_/g, " ")), charset),
    );
}

/** Splits a message (or MIME part) into unfolded headers (lower-case names) and its raw body. */
function splitMessage(raw) {
  const m = /\r?\n\r?\n/.exec(raw);
  const head = m ? raw.slice(0, m.index) : raw;
  const body = m ? raw.slice(m.index + m[0].length) : "";
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    if (!(name in headers)) headers[name] = line.slice(i + 1).trim();
  }
  return { headers, body };
}

function param(header, name) {
  const m = new RegExp(`${name}\\s*=\\s*("([^"]*)"|[^;\\s]+)`, "i").exec(header ?? "");
  return m ? (m[2] ?? m[1]) : null;
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", copy: "©", reg: "®" };

function htmlToText(html) {
  return html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(style|script|head|title)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<(br|p|div|tr|li|h\d)\b[^>]*>/gi, "\n")
    .replace(/<[^>]*>/g, " ")
    .replace(/&#x([0-9a-f]+);?/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&([a-z]+);/gi, (whole, name) => ENTITIES[name.toLowerCase()] ?? whole);
}

/** The readable text of a message or part: { text, isHtml } or null when it has no text part. */
function bodyText(raw, depth = 0) {
  const { headers, body } = splitMessage(raw);
  const type = (headers["content-type"] ?? "text/plain").toLowerCase();
  if (type.startsWith("multipart/") && depth < 5) {
    const boundary = param(headers["content-type"], "boundary");
    if (!boundary) return null;
    const parts = body.split(`--${boundary}`).slice(1).filter((p) => !p.startsWith("--"));
    const texts = parts.map((p) => bodyText(p.replace(/^\r?\n/, ""), depth + 1)).filter((t) => t !== null);
    return texts.find((t) => !t.isHtml) ?? texts[0] ?? null;
  }
  if (!type.startsWith("text/")) return null;
  const encoding = (headers["content-transfer-encoding"] ?? "").toLowerCase();
  const bytes = encoding.includes("base64") ? decodeBase64(body) : encoding.includes("quoted-printable") ? decodeQuotedPrintable(body) : body;
  const text = decodeBytes(bytes, param(headers["content-type"], "charset"));
  const isHtml = type.startsWith("text/html");
  return { text: isHtml ? htmlToText(text) : text, isHtml };
}

function clean(text) {
  const kept = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^-{2,}\s*Original Message/i.test(line)) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept
    .join(" ")
    .replace(/\b(?:https?|ftp):\/\/\S+|\bwww\.[^\s<>"]+/gi, "<url>")
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, "<email>")
    // Control characters, the replacement character and stray bytes go; letters of any script stay.
    .replace(/[\p{Cc}\ufffd]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function cut(text, n) {
  if (text.length <= n) return text;
  const head = text.slice(0, n);
  const space = head.lastIndexOf(" ");
  return (space > n * 0.7 ? head.slice(0, space) : head).trim();
}

const dataDir = join(packageDir("spamAssassin"), "data");
const seen = new Set();
const byClass = { spam: [], ham: [] };
for (const [group, label] of Object.entries(GROUPS)) {
  for (const file of sortedFiles(join(dataDir, group))) {
    if (!file.endsWith(".txt")) continue;
    const raw = readFileSync(join(dataDir, group, file), "latin1");
    const { headers } = splitMessage(raw);
    const subject = cut(clean(decodeEncodedWords(headers.subject ?? "")), 120);
    const bodyPart = bodyText(raw);
    const body = cut(clean(bodyPart?.text ?? ""), BODY_CHARS);
    if (subject === "" && body === "") continue;
    const key = `${subject}\t${body}`;
    if (seen.has(key)) continue;
    seen.add(key);
    byClass[label].push({ checksum: file.split(".")[1], line: `${label}\t${subject}\t${body}` });
  }
}
const lines = ["label\tsubject\tbody"];
for (const label of ["spam", "ham"]) {
  const all = byClass[label].sort((a, b) => (a.checksum < b.checksum ? -1 : 1));
  process.stdout.write(`${label}: ${all.length} distinct messages, ${Math.min(PER_CLASS, all.length)} kept\n`);
  for (const m of all.slice(0, PER_CLASS)) lines.push(m.line);
}
writeExtract("spam.tsv", lines.join("\n") + "\n");
