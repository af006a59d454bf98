// Dragging bars in the timeline webview: the middle of a bar moves the channel, either end
// changes its start or end. The bar snaps to whole days and, while it moves, a note beside
// the pointer shows the new dates and which dependencies they would break (computed here,
// with the schedule's own arithmetic, from the edges the extension sent). On release the
// webview posts one `move` message; the extension checks it and edits the plan. Shift
// inverts "Move dependants too" for one drag; Escape cancels it.
import { earliestStart } from '../../../server/src/core/model/dependencyBounds.js';
import { workingCalendar, type WorkingCalendar } from '../../../server/src/core/model/workingDays.js';
import { formatDay } from '../../../server/src/core/text/dates.js';
import type { DragSchedule } from '../preview/dragMessages.js';
import type { FromWebview } from '../preview/messages.js';

type Grip = 'move' | 'start' | 'end';

interface Drag {
  pointerId: number;
  channel: string;
  grip: Grip;
  group: SVGGElement;
  body: SVGRectElement;
  original: { start: number; end: number };
  current: { start: number; end: number };
  originX: number;
  /** Screen pixels per day at the zoom the drag started at. */
  pxPerDay: number;
  moved: boolean;
  cascade: boolean;
}

export interface DragHost {
  post(message: FromWebview): void;
  /** "Move dependants too", as the toolbar shows it. */
  cascade(): boolean;
}

/** Pixels from either end of a bar that grab the end rather than the whole bar. */
const END_GRIP_PX = 6;
/** A press that moves less than this is a click (reveal the channel), not a drag. */
const CLICK_SLOP_PX = 3;
const MAX_BROKEN_LISTED = 6;

export class BarDragger {
  private schedule: DragSchedule | undefined;
  private version = -1;
  private calendar: WorkingCalendar = workingCalendar(false, []);
  private drag: Drag | undefined;
  /** The last drop, shown where it was dropped until the next picture (or put back if refused). */
  private dropped: Drag | undefined;
  private swallowClick = false;

  constructor(
    private readonly host: DragHost,
    private readonly canvas: HTMLElement,
    private readonly info: HTMLElement,
  ) {
    canvas.addEventListener('pointerdown', (event) => this.down(event));
    canvas.addEventListener('pointermove', (event) => this.moveTo(event));
    canvas.addEventListener('pointerup', (event) => this.up(event));
    canvas.addEventListener('pointercancel', () => this.cancel());
    window.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.drag) this.cancel();
      else if (event.key === 'Shift' && this.drag) this.refresh(event.shiftKey);
    });
    window.addEventListener('keyup', (event) => {
      if (event.key === 'Shift' && this.drag) this.refresh(event.shiftKey);
    });
  }

  /** After each picture: what may be dragged, on which timeline version (undefined: nothing). */
  setSchedule(schedule: DragSchedule | undefined, version: number): void {
    this.schedule = schedule;
    this.version = version;
    this.calendar = workingCalendar(schedule?.calendar.weekends ?? false, schedule?.calendar.holidays ?? []);
    this.drag = undefined;
    this.dropped = undefined;
    this.info.hidden = true;
  }

  /** The extension refused the last drop: the bar goes back to its dates. */
  restore(): void {
    if (this.dropped) this.putBack(this.dropped);
    this.dropped = undefined;
  }

  /** True once after a drag ended: the click that follows the release is not a click on the bar. */
  consumeClick(): boolean {
    const swallow = this.swallowClick;
    this.swallowClick = false;
    return swallow;
  }

  private down(event: PointerEvent): void {
    if (event.button !== 0 || !this.schedule || this.drag) return;
    const body = event.target instanceof Element ? event.target.closest('rect.bar-body') : null;
    const group = body?.closest('g.bar[data-channel]');
    const channel = group?.getAttribute('data-channel');
    const bar = channel ? this.schedule.bars.find((candidate) => candidate.id === channel) : undefined;
    const svg = body?.closest('svg');
    if (!body || !group || !bar || !svg || !(body instanceof SVGRectElement) || !(group instanceof SVGGElement)) return;
    const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal.width || svg.getBoundingClientRect().width);
    const grip = gripAt(body, event.clientX);
    this.restore();
    this.drag = {
      pointerId: event.pointerId,
      channel: bar.id,
      grip,
      group,
      body,
      original: { start: bar.start, end: bar.end },
      current: { start: bar.start, end: bar.end },
      originX: event.clientX,
      pxPerDay: this.schedule.geometry.pxPerDay * scale,
      moved: false,
      cascade: this.host.cascade() !== event.shiftKey,
    };
    body.setPointerCapture(event.pointerId);
    event.preventDefault();
  }

  private moveTo(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag) return this.hover(event);
    if (event.pointerId !== drag.pointerId || !this.schedule) return;
    const dx = event.clientX - drag.originX;
    if (!drag.moved && Math.abs(dx) < CLICK_SLOP_PX) return;
    drag.moved = true;
    drag.current = this.datesFor(drag, Math.round(dx / drag.pxPerDay));
    drag.cascade = this.host.cascade() !== event.shiftKey;
    this.draw(drag);
    this.describe(drag, event.clientX, event.clientY);
  }

  /** The resize cursor over either end of a bar. */
  private hover(event: PointerEvent): void {
    const body = event.target instanceof SVGRectElement && event.target.classList.contains('bar-body') ? event.target : undefined;
    if (!body || !this.schedule) return;
    const grip = gripAt(body, event.clientX);
    body.classList.toggle('grip-edge', grip !== 'move');
  }

  private up(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    this.drag = undefined;
    this.info.hidden = true;
    this.markBroken([]);
    if (!drag.moved) return;
    this.swallowClick = true;
    drag.cascade = this.host.cascade() !== event.shiftKey;
    const { start, end } = drag.current;
    if (start === drag.original.start && end === drag.original.end) {
      this.putBack(drag);
      return;
    }
    this.dropped = drag;
    this.host.post({ type: 'move', channel: drag.channel, version: this.version, start: formatDay(start), end: formatDay(end), cascade: drag.cascade });
  }

  private cancel(): void {
    const drag = this.drag;
    if (!drag) return;
    this.drag = undefined;
    this.info.hidden = true;
    this.markBroken([]);
    if (drag.moved) this.swallowClick = true;
    this.putBack(drag);
  }

  private refresh(shiftKey: boolean): void {
    const drag = this.drag;
    if (!drag?.moved) return;
    drag.cascade = this.host.cascade() !== shiftKey;
    const box = this.info.getBoundingClientRect();
    this.describe(drag, box.left - 14, box.top - 14);
  }

  /** New dates `days` from the original, snapped to days and kept on the drawn timeline (a channel lasts at least its first day). */
  private datesFor(drag: Drag, days: number): { start: number; end: number } {
    const { first, last } = this.schedule!.geometry;
    const { start, end } = drag.original;
    switch (drag.grip) {
      case 'start':
        return { start: Math.min(end, Math.max(first, start + days)), end };
      case 'end':
        return { start, end: Math.max(start, Math.min(last, end + days)) };
      default: {
        const shift = Math.max(first - start, Math.min(last - end, days));
        return { start: start + shift, end: end + shift };
      }
    }
  }

  private draw(drag: Drag): void {
    const { left, first, pxPerDay } = this.schedule!.geometry;
    const x = (day: number) => Math.round((left + (day - first) * pxPerDay) * 10) / 10;
    const body = drag.body;
    if (!body.hasAttribute('data-original-x')) {
      body.setAttribute('data-original-x', body.getAttribute('x') ?? '0');
      body.setAttribute('data-original-width', body.getAttribute('width') ?? '0');
    }
    drag.group.classList.add('dragging');
    if (drag.grip === 'move') {
      drag.group.setAttribute('transform', `translate(${x(drag.current.start) - x(drag.original.start)},0)`);
    } else {
      const newLeft = x(drag.current.start);
      body.setAttribute('x', String(newLeft));
      body.setAttribute('width', String(Math.max(3, x(drag.current.end + 1) - newLeft)));
    }
  }

  private putBack(drag: Drag): void {
    drag.group.removeAttribute('transform');
    drag.group.classList.remove('dragging');
    const x = drag.body.getAttribute('data-original-x');
    const width = drag.body.getAttribute('data-original-width');
    if (x !== null) drag.body.setAttribute('x', x);
    if (width !== null) drag.body.setAttribute('width', width);
  }

  private describe(drag: Drag, clientX: number, clientY: number): void {
    const { start, end } = drag.current;
    const shift = (days: number) => `${days >= 0 ? '+' : '-'}${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'}`;
    const change =
      drag.grip === 'move'
        ? shift(start - drag.original.start)
        : drag.grip === 'start'
          ? `start ${shift(start - drag.original.start)}`
          : `end ${shift(end - drag.original.end)}`;
    const broken = this.brokenBy(drag);
    const lines = [
      `${drag.channel}: ${formatDay(start)} – ${formatDay(end)} (${change}, ${end - start + 1} day${end === start ? '' : 's'})`,
      drag.cascade ? 'Dependants move too (Shift: only this channel)' : 'Only this channel moves (Shift: dependants too)',
      ...(broken.length === 0
        ? ['Breaks no dependency']
        : [
            ...broken
              .slice(0, MAX_BROKEN_LISTED)
              .map((item) => `Breaks ${item.from} → ${item.to} (${item.kind}, ${item.days} day${item.days === 1 ? '' : 's'} early)`),
            ...(broken.length > MAX_BROKEN_LISTED ? [`… and ${broken.length - MAX_BROKEN_LISTED} more`] : []),
          ]),
    ];
    this.info.textContent = lines.join('\n');
    this.info.classList.toggle('breaks', broken.length > 0);
    this.info.hidden = false;
    this.info.style.left = `${Math.round(clientX + 14)}px`;
    this.info.style.top = `${Math.round(clientY + 14)}px`;
    this.markBroken(broken);
  }

  /**
   * The dependencies the new dates would break: those into the dragged channel, and those out
   * of it unless its dependants move too (the cascade keeps them satisfied).
   */
  private brokenBy(drag: Drag): { from: string; to: string; kind: string; days: number }[] {
    const schedule = this.schedule!;
    const dates = new Map(schedule.bars.map((bar) => [bar.id, { start: bar.start, end: bar.end }]));
    dates.set(drag.channel, drag.current);
    const broken: { from: string; to: string; kind: string; days: number }[] = [];
    for (const edge of schedule.edges) {
      if (edge.to !== drag.channel && (edge.from !== drag.channel || drag.cascade)) continue;
      const upstream = dates.get(edge.from);
      const downstream = dates.get(edge.to);
      if (!upstream || !downstream) continue;
      const allowed = earliestStart(edge.kind, { amount: edge.lag, businessDays: edge.bd }, upstream, downstream.end - downstream.start, this.calendar);
      if (allowed > downstream.start) broken.push({ from: edge.from, to: edge.to, kind: edge.kind, days: allowed - downstream.start });
    }
    return broken;
  }

  private markBroken(broken: { from: string; to: string }[]): void {
    for (const path of Array.from(this.canvas.querySelectorAll('path.edge.would-break'))) path.classList.remove('would-break');
    if (broken.length === 0) return;
    // Compared as strings, never put into a selector: ids are plan text.
    const keys = new Set(broken.map((item) => `${item.from}\u0000${item.to}`));
    for (const path of Array.from(this.canvas.querySelectorAll('path.edge[data-from]'))) {
      if (keys.has(`${path.getAttribute('data-from')}\u0000${path.getAttribute('data-to')}`)) path.classList.add('would-break');
    }
  }
}

function gripAt(body: Element, clientX: number): Grip {
  const box = body.getBoundingClientRect();
  if (box.width < 3 * END_GRIP_PX) return 'move';
  if (clientX - box.left <= END_GRIP_PX) return 'start';
  return box.right - clientX <= END_GRIP_PX ? 'end' : 'move';
}
