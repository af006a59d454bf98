import { linkedFilesOf } from '../../../server/src/core/actuals/linkedFiles.js';
import type { TextFile } from '../../../server/src/core/workspace/files.js';

// A small organisation's portfolio for the portfolio tests: three member plans (one importing
// a library) and the snapshot an adapter would hand the core, with its glob folders listed.

export const ROOT = 'file:///work/org';
export const PORTFOLIO_URI = `${ROOT}/fy27.portfolio.yaml`;

export const LIBRARY = `owners: [Head of Growth]\nkpis:\n  signups:\n    owner: Head of Growth\n    measure: { definition: New accounts, source: CRM, unit: accounts, cadence: weekly }\n`;

export const EMEA = `plan: EMEA growth
imports: [./shared/kpis.plan-library.yaml]
period: { start: 2027-01-01, end: 2027-06-30 }
budget: { total: 600000, currency: EUR }
objective: { id: emea-growth, statement: 3000 new EMEA customers, deadline: 2027-06-30, traces_to: fy27-growth }
channels:
  seo: { name: SEO refresh, start: 2027-01-04, end: 2027-03-31 }
  paid:
    name: Paid search
    duration: 4w
    depends_on: [seo]
`;

export const NA = `plan: North America
budget: { total: 350000, currency: EUR }
objective: { id: na-growth, statement: Grow NA, traces_to: fy27-growth }
`;

export const APAC = `plan: APAC launch
budget: { total: 200000, currency: USD }
objective: { id: apac, statement: Launch APAC }
`;

export const FILES: [string, string][] = [
  [`${ROOT}/emea.plan.yaml`, EMEA],
  [`${ROOT}/regions/na.plan.yaml`, NA],
  [`${ROOT}/regions/apac.plan.yaml`, APAC],
  [`${ROOT}/shared/kpis.plan-library.yaml`, LIBRARY],
];

export const LISTING = FILES.map(([uri]) => uri);

export function snapshot(files: [string, string][] = FILES, listed: string[] = [ROOT, `${ROOT}/regions`]) {
  const map = new Map<string, TextFile>(files.map(([uri, text]) => [uri, { text }]));
  const listings = new Map(listed.map((folder) => [folder, LISTING.filter((uri) => uri.startsWith(`${folder}/`))]));
  return linkedFilesOf(map, undefined, listings);
}

export const PORTFOLIO = `portfolio: FY27 growth
owner: CMO
budget: { total: 1000000, currency: EUR }
objective: { id: fy27-growth, statement: 10000 new customers in FY27, deadline: 2027-12-31 }
plans:
  - ./emea.plan.yaml
  - ./regions/*.plan.yaml
`;
