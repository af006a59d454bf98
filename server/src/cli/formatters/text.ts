import { severityName } from '../../core/index.js';
import { countSeverities, tooManyWarnings, type CheckReport, type SeverityCounts } from '../check/report.js';
import { displayPath } from './paths.js';

/** `file:line:col  severity  message  rule` per diagnostic, then one summary line. */
export function formatText(report: CheckReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    const path = displayPath(report.cwd, file.path);
    for (const { range, severity, message, code } of file.diagnostics) {
      lines.push(`${path}:${range.start.line + 1}:${range.start.character + 1}  ${severityName[severity]}  ${message}  ${code}`);
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

function summaryLine(report: CheckReport): string {
  const counts = countSeverities(report.files);
  const checked = report.files.length;
  const withProblems = report.files.filter((file) => file.diagnostics.length > 0).length;
  let line: string;
  if (checked === 0) {
    line = '✖ no plan checked';
  } else if (counts.error + counts.warning > 0) {
    line = `✖ ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}${minor(counts, ', ')} in ${plural(withProblems, 'file')}`;
    if (tooManyWarnings(report, counts)) line += ` (more than --max-warnings ${report.maxWarnings})`;
    if (withProblems < checked) line += ` of ${checked} checked`;
  } else if (counts.info + counts.hint > 0) {
    line = `✔ no errors or warnings in ${plural(checked, 'file')} (${minor(counts, '')})`;
  } else {
    line = `✔ no problems in ${plural(checked, 'file')}`;
  }
  const skipped = report.notChecked.length;
  if (skipped > 0) line += `; ${plural(skipped, 'path')} could not be checked`;
  return line;
}

/** Info and hint counts, only when there are any. */
function minor(counts: SeverityCounts, prefix: string): string {
  const parts = [counts.info > 0 ? `${counts.info} info` : '', counts.hint > 0 ? plural(counts.hint, 'hint') : ''].filter(Boolean);
  return parts.length > 0 ? prefix + parts.join(', ') : '';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
