// src/embed/config.ts: reads a link's embedding parameters (embed, lock, panels, frameId) and checks them against
// the widget at its route. Pure: the same hash (and the same previous config) gives the same answer.
import { pathFromHash } from "../store/hash";
import { parseField, specOf } from "../store/schema";
import { paramsOfHash } from "../store/hash";
import type { EmbedState, SettingValue } from "./EmbedContext";
import { EMBED_TEXT, formatSettingValue } from "./text";
import { EMBEDDABLE, widgetAt, type EmbeddableWidget } from "./widgets";

/** frameId is only ever echoed back in a message, but a plain token keeps it from carrying anything else. */
const FRAME_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export function isValidFrameId(id: string): boolean {
  return FRAME_ID.test(id);
}

export interface EmbedConfig extends EmbedState {
  /** The route path the config was read for ("/playground/sine"). */
  path: string;
  /** The widget at that route, or null for a page that is not one. */
  widget: EmbeddableWidget | null;
  /** The route's parameters (a lesson block's slug and block). */
  routeParams: Readonly<Record<string, string>>;
  /** What is wrong with the link's embedding parameters; when any, the frame shows these instead of the widget. */
  problems: string[];
  /** Changes of locked settings that a later edit of the link asked for, and that were refused. */
  notes: string[];
}


/** A comma-separated list parameter (repeats are joined): null when absent; blanks from stray commas dropped. */
function listParam(params: URLSearchParams, name: string): string[] | null {
  const all = params.getAll(name);
  if (all.length === 0) return null;
  return all.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
}

const quoteList = (names: readonly string[]): string => names.join(", ");

/** The warnings of the widget's reader that concern one setting (by its key or label), or all of them. */
function warningsAbout(warnings: readonly string[], key: string, label: string): string {
  const lower = label.toLowerCase();
  const about = warnings.filter((w) => w.startsWith(`${key}=`) || w.toLowerCase().includes(lower));
  return (about.length > 0 ? about : warnings).join(" ");
}

/**
 * The embedding config of `hash`. `previous` is the config the page showed before the link changed: on the same
 * route its locks stand (with their values), so editing the address cannot lift a lock or change a locked value.
 */
export function resolveEmbed(hash: string, previous: EmbedConfig | null = null): EmbedConfig {
  const path = pathFromHash(hash);
  const params = paramsOfHash(hash);
  const problems: string[] = [];
  const notes: string[] = [];

  const embedRaw = params.get("embed");
  const isEmbed = embedRaw !== null && embedRaw !== "0" && embedRaw !== "false";
  if (isEmbed && !["1", "true", ""].includes(embedRaw)) problems.push(EMBED_TEXT.badEmbedValue(embedRaw.slice(0, 20)));

  const frameRaw = params.get("frameId");
  let frameId: string | null = null;
  if (frameRaw !== null) {
    if (FRAME_ID.test(frameRaw)) frameId = frameRaw;
    else problems.push(EMBED_TEXT.badFrameId(frameRaw.slice(0, 80)));
  }

  const found = widgetAt(path);
  if (!found) {
    // Only a frame needs a widget; on the site, lock= or panels= on another page are simply not its parameters.
    if (isEmbed) problems.push(EMBED_TEXT.notAWidget(path, quoteList(EMBEDDABLE.map((w) => `#${w.pattern}`))));
    return { isEmbed, locks: {}, panels: null, frameId, path, widget: null, routeParams: {}, problems, notes };
  }
  const { widget, params: routeParams } = found;
  const read = widget.read?.(hash) ?? { settings: {}, warnings: [] };
  const keys = Object.keys(widget.schema);

  const locks = Object.create(null) as Record<string, SettingValue>;
  for (const name of listParam(params, "lock") ?? []) {
    const spec = specOf(widget.schema, name);
    if (!spec) {
      problems.push(keys.length === 0 ? EMBED_TEXT.noLockable(widget.name) : EMBED_TEXT.unknownLock(name.slice(0, 40), widget.name, quoteList(keys)));
      continue;
    }
    const raw = params.get(name);
    if (raw === null) {
      // lock=cell without cell=…: the value the widget starts from (its default, or a preset's) is locked.
      locks[name] = read.settings[name];
      continue;
    }
    const parsed = parseField(spec, raw);
    if (!parsed.ok) problems.push(EMBED_TEXT.badLockedValue(name.slice(0, 40), parsed.error));
    else if (read.settings[name] !== parsed.value) problems.push(EMBED_TEXT.conflictingLock(name.slice(0, 40), raw.slice(0, 20), warningsAbout(read.warnings, name, spec.label)));
    else locks[name] = parsed.value;
  }

  // The previous config's locks stand on the same route: the value it locked wins over the edited link.
  if (previous && previous.path === path) {
    for (const [name, kept] of Object.entries(previous.locks)) {
      const asked = Object.hasOwn(locks, name) ? locks[name] : params.has(name) ? read.settings[name] : kept;
      if (asked !== kept) {
        notes.push(EMBED_TEXT.lockedEditIgnored(specOf(widget.schema, name)?.label ?? name, formatSettingValue(asked), formatSettingValue(kept)));
      }
      locks[name] = kept;
    }
  }

  let panels: Set<string> | null = null;
  const panelNames = listParam(params, "panels");
  if (panelNames !== null) {
    const ids = widget.panels.map((p) => p.id);
    if (ids.length === 0) {
      problems.push(EMBED_TEXT.noPanels(widget.name));
    } else if (panelNames.length === 0) {
      problems.push(EMBED_TEXT.emptyPanels(quoteList(ids)));
    } else {
      panels = new Set();
      for (const name of panelNames) {
        if (ids.includes(name)) panels.add(name);
        else problems.push(EMBED_TEXT.unknownPanel(name.slice(0, 40), widget.name, quoteList(ids)));
      }
    }
  }

  return { isEmbed, locks, panels, frameId, path, widget, routeParams, problems, notes };
}

/** The widget's id as resize messages name it: a lesson block adds which one ("lesson-block:lstm/predict"). */
export function widgetName(config: EmbedConfig): string | null {
  if (!config.widget) return null;
  if (config.widget.id === "lesson-block") return `lesson-block:${config.routeParams.slug}/${config.routeParams.block}`;
  return config.widget.id;
}
