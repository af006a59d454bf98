import type { CheckReport } from '../check/report.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export const formatters: Record<string, (report: CheckReport) => string> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
};

export const formatNames = Object.keys(formatters);
