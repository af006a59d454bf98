// The timeline webview: shows the SVG the server rendered, fitted to the panel until the user
// zooms, then zooms and scrolls it (both kept across updates and reloads in the webview
// state), highlights the channel the cursor is in, reports clicks on bars, and lets bars be
// dragged (drag.ts). Bundled to media/preview.js; loaded under a nonce'd CSP.
import { DAY_SHADING_MIN_PX } from '../../../server/src/core/features/timeline/calendarShading.js';
import { parseToWebview, parseWebviewState, type FromWebview, type ToWebview, type WebviewState } from '../preview/messages.js';
import { BarDragger } from './drag.js';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const MIN_ZOOM = 0.2;
const MAX_ZOOM = 4;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const viewport = byId<HTMLDivElement>('viewport');
const canvas = byId<HTMLDivElement>('canvas');
const banner = byId<HTMLDivElement>('banner');
const title = byId<HTMLSpanElement>('title');
const zoomLabel = byId<HTMLButtonElement>('zoom-reset');
/** Not on the portfolio timeline's page. */
const cascadeToggle = document.getElementById('cascade') as HTMLButtonElement | null;
const note = byId<HTMLDivElement>('note');

let state: WebviewState = parseWebviewState(vscode.getState());
let svg: SVGSVGElement | undefined;
let baseSize = { width: 0, height: 0 };
let highlighted: string | null = null;
/** Drawn pixels per day at 100 % (from the schedule the extension sends). */
let pxPerDay = 0;
const dragger = new BarDragger(
  { post: (message) => vscode.postMessage(message), cascade: () => state.cascade === true },
  canvas,
  byId<HTMLDivElement>('drag-info'),
);

function saveState(patch: Partial<WebviewState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Number.isFinite(zoom) ? zoom : 1));
}

/** The zoom that fits the picture's width into the panel, never enlarged beyond 100 %: how a timeline opens. */
function fittedZoom(): number {
  return baseSize.width > 0 && viewport.clientWidth > 0 ? clampZoom(Math.min(1, (viewport.clientWidth - 4) / baseSize.width)) : 1;
}

/** The user's zoom once they zoomed (kept in the state); fitted to the panel until then. */
function currentZoom(): number {
  return state.zoom === undefined ? fittedZoom() : clampZoom(state.zoom);
}

function sizeSvg(zoom: number): void {
  zoomLabel.textContent = `${Math.round(zoom * 100)}%`;
  if (!svg) return;
  svg.setAttribute('width', String(Math.round(baseSize.width * zoom)));
  svg.setAttribute('height', String(Math.round(baseSize.height * zoom)));
  // Excluded days are shaded once a day is wide enough to see.
  svg.classList.toggle('days-visible', pxPerDay * zoom >= DAY_SHADING_MIN_PX);
}

/** Scales the SVG through its width/height attributes (its viewBox keeps the drawing), keeping `anchor` (viewport px) in place. */
function applyZoom(zoom: number, anchor?: { x: number; y: number }): void {
  const previous = currentZoom();
  const next = clampZoom(zoom);
  if (!svg) {
    zoomLabel.textContent = `${Math.round(next * 100)}%`;
    return saveState({ zoom: next });
  }
  const point = anchor ?? { x: viewport.clientWidth / 2, y: viewport.clientHeight / 2 };
  const contentX = (viewport.scrollLeft + point.x) / previous;
  const contentY = (viewport.scrollTop + point.y) / previous;
  sizeSvg(next);
  viewport.scrollLeft = contentX * next - point.x;
  viewport.scrollTop = contentY * next - point.y;
  saveState({ zoom: next, scrollLeft: viewport.scrollLeft, scrollTop: viewport.scrollTop });
}

function showCascade(on: boolean): void {
  cascadeToggle?.setAttribute('aria-checked', String(on));
}

function showNote(text: string | null, refused: boolean): void {
  note.hidden = text === null;
  note.textContent = text ?? '';
  note.classList.toggle('refused', refused);
}

function setBanner(text: string | null): void {
  banner.hidden = text === null;
  banner.textContent = text ?? '';
}

function showPlaceholder(text: string): void {
  const paragraph = document.createElement('p');
  paragraph.className = 'placeholder';
  paragraph.textContent = text;
  canvas.replaceChildren(paragraph);
  svg = undefined;
}

function render(message: Extract<ToWebview, { type: 'render' }>): void {
  // Parsed as XML, not HTML: a malformed SVG fails here instead of being half-shown. Scripts
  // and handlers could not run anyway (the CSP allows only our nonce'd script).
  const parsed = new DOMParser().parseFromString(message.svg, 'image/svg+xml');
  const root = parsed.documentElement;
  if (parsed.getElementsByTagName('parsererror').length > 0 || root.nodeName !== 'svg') {
    setBanner('The timeline could not be drawn (the renderer produced invalid SVG). Please report this.');
    return;
  }
  const node = document.importNode(root, true) as unknown as SVGSVGElement;
  baseSize = { width: Number(node.getAttribute('width')) || 800, height: Number(node.getAttribute('height')) || 400 };
  pxPerDay = message.schedule?.geometry.pxPerDay ?? 0;
  canvas.replaceChildren(node);
  svg = node;
  sizeSvg(currentZoom());
  canvas.dataset.pxPerDay = String(pxPerDay);
  dragger.setSchedule(message.schedule, message.version);
  if (message.schedule) {
    saveState({ cascade: message.schedule.cascade });
    showCascade(message.schedule.cascade);
  }
  title.textContent = message.title;
  setBanner(message.banner);
  if (state.uri === message.uri) {
    viewport.scrollLeft = state.scrollLeft ?? 0;
    viewport.scrollTop = state.scrollTop ?? 0;
  } else {
    viewport.scrollLeft = 0;
    viewport.scrollTop = 0;
    saveState({ uri: message.uri, scrollLeft: 0, scrollTop: 0 });
  }
  applyHighlight(highlighted, false);
  vscode.postMessage({
    type: 'rendered',
    version: message.version,
    bars: node.querySelectorAll('g.bar[data-channel]').length,
    arrows: node.querySelectorAll('path.edge[data-from]').length,
    lanes: node.querySelectorAll('g.plan-lane[data-plan]').length,
  });
}

function applyHighlight(channel: string | null, scroll: boolean): void {
  highlighted = channel;
  if (!svg) return;
  for (const element of Array.from(svg.querySelectorAll('.selected'))) element.classList.remove('selected');
  if (channel === null) return;
  // Compared as strings, never put into a selector: ids are plan text.
  const matches = Array.from(svg.querySelectorAll('[data-channel]')).filter((element) => element.getAttribute('data-channel') === channel);
  for (const element of matches) element.classList.add('selected');
  const bar = matches.find((element) => element.classList.contains('bar') || element.classList.contains('undated'));
  if (scroll && bar) bar.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseToWebview(event.data);
  if (!message) return;
  switch (message.type) {
    case 'render':
      render(message);
      break;
    case 'banner':
      setBanner(message.text);
      break;
    case 'highlight':
      applyHighlight(message.channel, true);
      break;
    case 'empty':
      showPlaceholder(message.text);
      setBanner(null);
      break;
    case 'note':
      showNote(message.text, message.refused);
      if (message.refused) dragger.restore();
      break;
  }
});

canvas.addEventListener('click', (event) => {
  if (dragger.consumeClick()) return;
  const target = event.target instanceof Element ? event.target.closest('[data-channel], [data-plan]') : null;
  const channel = target?.getAttribute('data-channel');
  const plan = target?.getAttribute('data-plan');
  if (channel) vscode.postMessage({ type: 'reveal', channel });
  else if (plan) vscode.postMessage({ type: 'openPlan', uri: plan });
});

// A lane is focusable (tabindex in the SVG): Enter or Space opens its plan, as a click does.
canvas.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const plan = event.target instanceof Element ? event.target.closest('[data-plan]')?.getAttribute('data-plan') : null;
  if (!plan) return;
  event.preventDefault();
  vscode.postMessage({ type: 'openPlan', uri: plan });
});

viewport.addEventListener(
  'wheel',
  (event) => {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    const rect = viewport.getBoundingClientRect();
    applyZoom(currentZoom() * Math.exp(-event.deltaY * 0.002), { x: event.clientX - rect.left, y: event.clientY - rect.top });
  },
  { passive: false },
);

let scrollPending = false;
viewport.addEventListener('scroll', () => {
  if (scrollPending) return;
  scrollPending = true;
  requestAnimationFrame(() => {
    scrollPending = false;
    saveState({ scrollLeft: viewport.scrollLeft, scrollTop: viewport.scrollTop });
  });
});

byId('zoom-in').addEventListener('click', () => applyZoom(currentZoom() * 1.25));
byId('zoom-out').addEventListener('click', () => applyZoom(currentZoom() / 1.25));
byId('zoom-reset').addEventListener('click', () => applyZoom(1));
cascadeToggle?.addEventListener('click', () => {
  const on = state.cascade !== true;
  saveState({ cascade: on });
  showCascade(on);
  vscode.postMessage({ type: 'cascade', on });
});
showCascade(state.cascade === true);
// Until the user zooms, the picture follows the panel's width.
new ResizeObserver(() => {
  if (state.zoom === undefined) sizeSvg(fittedZoom());
}).observe(viewport);
byId('zoom-fit').addEventListener('click', () => {
  if (baseSize.width > 0) applyZoom((viewport.clientWidth - 4) / baseSize.width, { x: 0, y: 0 });
});
document.getElementById('export')?.addEventListener('click', () => vscode.postMessage({ type: 'export' }));

vscode.postMessage({ type: 'ready' });
