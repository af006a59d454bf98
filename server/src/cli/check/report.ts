import { severityName, type Diagnostic, type RuleDocs, type SeverityName } from '../../core/index.js';
import { ExitCode } from '../command.js';

/** A path that could not be checked, and why in a few words. */
export interface InputProblem {
  /** Absolute. */
  path: string;
  message: string;
}

export interface FileReport {
  /** Absolute. */
  path: string;
  diagnostics: Diagnostic[];
}

/** Everything a formatter needs: the formatters do no I/O. */
export interface CheckReport {
  cwd: string;
  /** Every file that was checked, with or without diagnostics. */
  files: FileReport[];
  notChecked: InputProblem[];
  maxWarnings: number | undefined;
  docs: RuleDocs;
}

export type SeverityCounts = Record<SeverityName, number>;

export function countSeverities(files: readonly FileReport[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of files) for (const diagnostic of file.diagnostics) counts[severityName[diagnostic.severity]]++;
  return counts;
}

export function tooManyWarnings(report: CheckReport, counts: SeverityCounts): boolean {
  return report.maxWarnings !== undefined && counts.warning > report.maxWarnings;
}

/** 2 when a path could not be checked, else 1 on errors or too many warnings, else 0. */
export function exitCodeOf(report: CheckReport): ExitCode {
  if (report.notChecked.length > 0) return ExitCode.UsageOrInput;
  const counts = countSeverities(report.files);
  return counts.error > 0 || tooManyWarnings(report, counts) ? ExitCode.Failed : ExitCode.Ok;
}
