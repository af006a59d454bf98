// Messages between the extension and the timeline webview. No vscode import: the webview
// bundle (client/src/webview/main.ts) shares these types and the validators.
import { parseDragSchedule, parseMoveMessage, type DragSchedule, type MoveMessage } from './dragMessages.js';

/** Extension → webview. */
export type ToWebview =
  /** A new picture; `banner` explains a problem with it (null: none); `schedule` lets the bars be dragged. */
  | { type: 'render'; uri: string; version: number; title: string; svg: string; banner: string | null; schedule?: DragSchedule }
  /** A short note under the toolbar (null: none); `refused`: the last move was not made, so the bar goes back. */
  | { type: 'note'; text: string | null; refused: boolean }
  /** Keep the picture, change the banner (e.g. the document stopped parsing). */
  | { type: 'banner'; text: string | null }
  /** Highlight the bar of the channel the cursor is in (null: none). */
  | { type: 'highlight'; channel: string | null }
  /** Nothing to show yet, with the reason. */
  | { type: 'empty'; text: string };

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; channel: string }
  /** A lane of the portfolio timeline was clicked: open that plan (the extension checks it is one of the lanes). */
  | { type: 'openPlan'; uri: string }
  | { type: 'export' }
  /** What the webview actually drew, counted in its DOM (for status and tests). */
  | { type: 'rendered'; version: number; bars: number; arrows: number; lanes?: number }
  /** A bar was dragged: new dates for a channel, made on timeline `version`. */
  | MoveMessage
  /** The "Move dependants too" toggle changed (remembered). */
  | { type: 'cascade'; on: boolean };

/** What the webview remembers across reloads (`vscode.setState`), and the serializer restores. */
export interface WebviewState {
  uri?: string;
  zoom?: number;
  scrollLeft?: number;
  scrollTop?: number;
  /** "Move dependants too". */
  cascade?: boolean;
}

const MAX_ID_LENGTH = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * A message from the webview, or undefined when it is not one we sent for: the webview
 * renders plan text, so nothing it posts is trusted until it has this shape. (The caller
 * still checks that a channel id names a channel of the current timeline.)
 */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
    case 'export':
      return { type: raw.type };
    case 'reveal':
      return typeof raw.channel === 'string' && raw.channel.length > 0 && raw.channel.length <= MAX_ID_LENGTH
        ? { type: 'reveal', channel: raw.channel }
        : undefined;
    case 'openPlan':
      return typeof raw.uri === 'string' && raw.uri.length > 0 && raw.uri.length <= MAX_ID_LENGTH ? { type: 'openPlan', uri: raw.uri } : undefined;
    case 'rendered':
      if (!(isCount(raw.version) && isCount(raw.bars) && isCount(raw.arrows) && (raw.lanes === undefined || isCount(raw.lanes)))) return undefined;
      return { type: 'rendered', version: raw.version, bars: raw.bars, arrows: raw.arrows, ...(raw.lanes === undefined ? {} : { lanes: raw.lanes }) };
    case 'move':
      return parseMoveMessage(raw);
    case 'cascade':
      return typeof raw.on === 'boolean' ? { type: 'cascade', on: raw.on } : undefined;
    default:
      return undefined;
  }
}

/** A message from the extension, checked the same way on the webview's side. */
export function parseToWebview(raw: unknown): ToWebview | undefined {
  if (!isRecord(raw)) return undefined;
  const text = (value: unknown): value is string | null => value === null || typeof value === 'string';
  switch (raw.type) {
    case 'render': {
      if (!(typeof raw.uri === 'string' && isCount(raw.version) && typeof raw.title === 'string' && typeof raw.svg === 'string' && text(raw.banner)))
        return undefined;
      const schedule = raw.schedule === undefined ? undefined : parseDragSchedule(raw.schedule);
      if (raw.schedule !== undefined && !schedule) return undefined;
      return { type: 'render', uri: raw.uri, version: raw.version, title: raw.title, svg: raw.svg, banner: raw.banner, ...(schedule ? { schedule } : {}) };
    }
    case 'note':
      return text(raw.text) && typeof raw.refused === 'boolean' ? { type: 'note', text: raw.text, refused: raw.refused } : undefined;
    case 'banner':
      return text(raw.text) ? { type: 'banner', text: raw.text } : undefined;
    case 'highlight':
      return text(raw.channel) ? { type: 'highlight', channel: raw.channel } : undefined;
    case 'empty':
      return typeof raw.text === 'string' ? { type: 'empty', text: raw.text } : undefined;
    default:
      return undefined;
  }
}

/** The state the webview stored, with anything malformed dropped. */
export function parseWebviewState(raw: unknown): WebviewState {
  if (!isRecord(raw)) return {};
  const finite = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  return {
    uri: typeof raw.uri === 'string' ? raw.uri : undefined,
    zoom: finite(raw.zoom),
    scrollLeft: finite(raw.scrollLeft),
    scrollTop: finite(raw.scrollTop),
    cascade: typeof raw.cascade === 'boolean' ? raw.cascade : undefined,
  };
}
