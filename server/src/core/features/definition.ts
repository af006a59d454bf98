import type { Location, Position } from '../types.js';
import { idIndexOf } from '../model/idIndex.js';
import type { PlanDocument } from '../planDocument.js';
import type { PortfolioModel } from '../portfolio/portfolio.js';
import { entryAt } from './portfolio/entries.js';

/**
 * Where the id under the cursor is defined (a channel or KPI key, the objective's `id`, a journey
 * stage): for a KPI or stage an import defines, the library first, then the plan's refinement.
 */
export function definition(doc: PlanDocument, position: Position): Location[] {
  const portfolio = doc.analysis.portfolio;
  if (portfolio) return portfolioDefinition(portfolio, position);
  const index = idIndexOf(doc.analysis.model);
  const occurrence = index.at(position);
  if (!occurrence) return [];
  const local = index.definitions(occurrence.kind, occurrence.id).map((found) => ({ uri: doc.uri, range: found.range }));
  const imported = index.imported(occurrence.kind, occurrence.id);
  return imported ? [imported, ...local] : local;
}

/** On a portfolio's `plans:` entry: the plans it names (a path's one plan, a glob's matches). */
function portfolioDefinition(portfolio: PortfolioModel, position: Position): Location[] {
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return (entryAt(portfolio, position)?.members ?? []).map((member) => ({ uri: member.uri, range: top }));
}
