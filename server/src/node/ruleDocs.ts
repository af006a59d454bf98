import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_DOCS_BASE, type RuleDocs } from '../core/index.js';

/**
 * The rule pages installed with the package (`docs/rules/` beside `out/`, where the bundled
 * CLI lives), linked as file URIs so the links work offline; the published pages otherwise.
 */
export function installedRuleDocs(folder = join(__dirname, '..', 'docs', 'rules')): RuleDocs {
  if (!existsSync(folder)) return { baseUri: DEFAULT_DOCS_BASE, page: () => undefined };
  return {
    baseUri: `${pathToFileURL(folder).href}/`,
    page(rule) {
      try {
        return readFileSync(join(folder, `${rule}.md`), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
