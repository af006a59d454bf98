import { planSchema, portfolioSchema } from './planSchema.js';
import { descriptionOf, enumValuesOf, isRecordAt, keysAt, schemaAt, type AnySchema } from './schemaNavigation.js';
import { code, escapeMarkdown } from '../text/markdown.js';
import type { PathKey } from '../yaml/path.js';

const ENTRY_NAMES: Record<string, string> = { channels: 'channel', kpis: 'KPI', milestones: 'milestone' };

/** What holds the key: `channel`, `KPI`, `period`, `measure`, `plan` … */
function ownerLabel(path: readonly PathKey[], root: AnySchema): string {
  const parent = path.slice(0, -1);
  for (let i = parent.length - 1; i >= 0; i--) {
    const key = parent[i];
    if (typeof key !== 'string') continue;
    if (i > 0 && typeof parent[i - 1] === 'string' && isRecordAt(parent.slice(0, i))) return ENTRY_NAMES[parent[i - 1] as string] ?? String(parent[i - 1]);
    return key;
  }
  return root === planSchema ? 'plan' : root === portfolioSchema ? 'portfolio' : 'library';
}

/** Markdown docs of the key at `path`, from the zod schema (a library's, with its `root`); undefined when the language has no such key. */
export function keyDocumentation(path: readonly PathKey[], root: AnySchema = planSchema): string | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const schema = schemaAt(path, root);
  if (!schema) return undefined;
  const info = keysAt(path.slice(0, -1), root).find((candidate) => candidate.key === key);
  const lines = [`${code(key)} — ${escapeMarkdown(ownerLabel(path, root))}${info?.required ? ', required' : ''}`];
  const description = descriptionOf(schema);
  if (description) lines.push('', escapeDocs(description));
  const values = enumValuesOf(schema);
  if (values.length > 0) lines.push('', `Values: ${values.map(code).join(' · ')}`);
  return lines.join('\n');
}

/** Schema docs are ours and use backticks for code on purpose; only HTML-like text is escaped. */
function escapeDocs(text: string): string {
  return text.replace(/[<>&]/g, '\\$&');
}
