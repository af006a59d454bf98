import type { PlanDocument } from '../../planDocument.js';
import { formatDay, isIsoDate, todayDay } from '../../text/dates.js';
import { exportPlan, isExportFormat, type ExportFormat } from './exportPlan.js';

/** Parameters of the `throughline/export` request (they arrive from the wire: checked before use). */
export interface ExportParams {
  uri: string;
  format: ExportFormat;
  /** The client's local day, `YYYY-MM-DD`; the server's UTC day otherwise. */
  today?: string;
}

export interface ExportResult {
  uri: string;
  version: number;
  format: ExportFormat;
  content: string;
  extension: string;
  summary: string;
  notes: string[];
  /** The first YAML syntax error's line (0-based), when the plan does not parse cleanly: the export may be incomplete. */
  syntaxErrorLine?: number;
}

/** Answers an export request for an analyzed document (null when the server does not have it). */
export function exportResult(doc: PlanDocument | undefined, params: Partial<ExportParams> | null | undefined, now: Date = new Date()): ExportResult | null {
  if (!doc) return null;
  const format = params?.format;
  if (!isExportFormat(format)) throw new Error(`unknown export format ${JSON.stringify(format)}: use ics, csv, svg or html`);
  const today = typeof params?.today === 'string' && isIsoDate(params.today) ? params.today : formatDay(todayDay(now));
  const planKey = doc.uri.split('/').pop() || undefined;
  const result = exportPlan(doc, format, { today, now, ...(planKey ? { planKey: decodeURIComponent(planKey) } : {}) });
  const syntaxError = doc.analysis.parsed.problems.find((problem) => problem.severity === 'error');
  return { uri: doc.uri, version: doc.version, ...result, ...(syntaxError ? { syntaxErrorLine: syntaxError.range.start.line } : {}) };
}
