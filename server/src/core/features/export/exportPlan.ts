import type { PlanDocument } from '../../planDocument.js';
import { buildTimeline } from '../timeline/model.js';
import { renderHtml } from '../timeline/renderHtml.js';
import { renderSvg } from '../timeline/renderSvg.js';
import { planCalendar } from './planCalendar.js';
import { planCsv } from './planCsv.js';

// One entry point for every export a person outside the editor can use, shared by
// `throughline export` and the editor's "Throughline: Export Plan…" (through the server).

export const EXPORT_FORMATS = ['ics', 'csv', 'svg', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface ExportOptions {
  /** Today, `YYYY-MM-DD`, for the timeline's today marker. */
  today?: string;
  /** Stable UIDs in the calendar come from it: the plan file's name. */
  planKey?: string;
  /** The moment of export (calendar DTSTAMP). */
  now?: Date;
  /** Shown in the HTML page's footer. */
  source?: string;
}

export interface PlanExport {
  format: ExportFormat;
  content: string;
  /** The usual file extension, without the dot. */
  extension: string;
  /** One line for the user: what was written. */
  summary: string;
  /** What could not go in, one sentence each. */
  notes: string[];
}

const count = (value: number, noun: string) => `${value} ${noun}${value === 1 ? '' : 's'}`;

export function exportPlan(doc: PlanDocument, format: ExportFormat, options: ExportOptions = {}): PlanExport {
  switch (format) {
    case 'ics': {
      const calendar = planCalendar(doc.analysis, options);
      return { format, content: calendar.text, extension: 'ics', summary: count(calendar.events, 'event'), notes: calendar.notes };
    }
    case 'csv': {
      const table = planCsv(doc.analysis);
      return { format, content: table.text, extension: 'csv', summary: `${count(table.channels, 'channel')}, ${count(table.kpis, 'KPI')}`, notes: [] };
    }
    default: {
      const timeline = buildTimeline(doc, options.today === undefined ? {} : { today: options.today });
      const content =
        format === 'html'
          ? renderHtml(timeline, options.source === undefined ? {} : { source: options.source })
          : `${renderSvg(timeline, { embedStyle: true })}\n`;
      const channels = timeline.bars.length + timeline.undated.length;
      return { format, content, extension: format, summary: `${count(channels, 'channel')}, ${count(timeline.problems.length, 'problem')}`, notes: [] };
    }
  }
}
