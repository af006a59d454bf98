import { severityName } from '../../core/index.js';
import type { CheckReport } from '../check/report.js';
import { displayPath } from './paths.js';

/** An array of `{ file, rule, severity, message, range }`, the range 0-based as in LSP. */
export function formatJson(report: CheckReport): string {
  const entries = report.files.flatMap((file) => {
    const path = displayPath(report.cwd, file.path);
    return file.diagnostics.map(({ code, severity, message, range }) => ({
      file: path,
      rule: code,
      severity: severityName[severity],
      message,
      range: { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } },
    }));
  });
  return `${JSON.stringify(entries, null, 2)}\n`;
}
