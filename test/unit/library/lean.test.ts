import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { linkedFilesOf, type LinkedFiles } from '../../../server/src/core/actuals/linkedFiles.js';
import { analysisOf, analyzeLean, analyzeText, compacted, type AnalyzeOptions } from '../../../server/src/core/analyze.js';
import { importedUris } from '../../../server/src/core/library/imports.js';
import type { TextFile } from '../../../server/src/core/workspace/files.js';

// The lean analysis of a file kept but not open (a workspace plan on disk): no YAML tree, and
// the same diagnostics as the full analysis, first and after a library it imports changes.

const uriOf = (path: string) => pathToFileURL(resolve(path)).href;

/** Every example plan and every rule fixture that is a library or imports one. */
function cases(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.plan(-library)?\.yaml$/.test(entry.name)) found.push(path);
    }
  };
  walk('examples');
  for (const rule of readdirSync('test/fixtures/rules')) {
    const dir = join('test/fixtures/rules', rule);
    if (readdirSync(dir).some((name) => name.endsWith('.plan-library.yaml'))) walk(dir);
  }
  return found;
}

/** The libraries a file imports, transitively, read from disk beside it (a missing one is in the snapshot as missing). */
function snapshotFor(path: string, replace: ReadonlyMap<string, string> = new Map()): LinkedFiles {
  const files = new Map<string, TextFile>();
  const visit = (uri: string, text: string) => {
    for (const imported of importedUris(analyzeText(text).model, uri)) {
      if (files.has(imported)) continue;
      let file: TextFile;
      try {
        file = { text: replace.get(imported) ?? readFileSync(new URL(imported), 'utf8') };
      } catch {
        file = { problem: 'not found', kind: 'missing' };
      }
      files.set(imported, file);
      if ('text' in file) visit(imported, file.text);
    }
  };
  visit(uriOf(path), readFileSync(path, 'utf8'));
  return linkedFilesOf(files);
}

const optionsFor = (path: string, files: LinkedFiles): AnalyzeOptions => ({ planUri: uriOf(path), files, today: '2026-09-01' });

describe('lean analyses (files kept but not open)', () => {
  const all = cases();

  it('covers the example plans and the library fixtures', () => {
    assert.ok(all.some((path) => path.includes('examples/library/q4-acquisition')));
    assert.ok(all.filter((path) => path.endsWith('.plan-library.yaml')).length >= 8);
  });

  it('keeps no YAML tree and gives the diagnostics of the full analysis', () => {
    for (const path of all) {
      const text = readFileSync(path, 'utf8');
      const options = optionsFor(path, snapshotFor(path));
      const lean = analyzeLean(text, options);
      assert.equal(lean.parsed.doc, null, path);
      assert.deepEqual(lean.diagnostics, analyzeText(text, options).diagnostics, path);
    }
  });

  it('re-run after a library change, gives what a full analysis of the new state gives', () => {
    let changed = 0;
    for (const path of all.filter((file) => file.endsWith('.plan.yaml'))) {
      const text = readFileSync(path, 'utf8');
      const before = optionsFor(path, snapshotFor(path));
      // As the server keeps a closed plan once its diagnostics are published.
      const lean = compacted(analyzeLean(text, before), before);
      assert.deepEqual(lean.diagnostics, analyzeText(text, before).diagnostics, path);
      assert.deepEqual([...lean.tracking.kpis.keys()], [...analyzeText(text, before).tracking.kpis.keys()], path);
      // Every imported library loses its KPIs' sources and its first owner.
      const libraries = importedUris(lean.model, uriOf(path));
      if (libraries.length === 0) continue;
      const replace = new Map<string, string>();
      for (const uri of libraries) {
        try {
          const before = readFileSync(new URL(uri), 'utf8');
          replace.set(uri, before.replace(/^(\s*)source: .*$/gm, '$1unit: things').replace(/owners: \[[^,\]]*,?/, 'owners: ['));
        } catch {
          // a missing import stays missing
        }
      }
      const after = optionsFor(path, snapshotFor(path, replace));
      const rerun = analysisOf(lean.parsed, lean.model, after);
      const full = analyzeText(text, after);
      assert.deepEqual(rerun.diagnostics, full.diagnostics, path);
      if (JSON.stringify(full.diagnostics) !== JSON.stringify(lean.diagnostics)) changed++;
    }
    // The change shows: the example plan's diagnostics follow its library.
    assert.ok(changed > 0);
  });

  it('parses an unchanged library once for every plan that imports it (kept with the snapshot)', () => {
    const path = 'examples/library/q4-acquisition.plan.yaml';
    const text = readFileSync(path, 'utf8');
    const files = snapshotFor(path);
    const first = analyzeLean(text, optionsFor(path, files)).model.imported!;
    const second = analyzeLean(text.replace('Q4 new-customer', 'Q1 new-customer'), optionsFor(dirname(path) + '/q1.plan.yaml', files)).model.imported!;
    const [uri] = [...first.libraries.keys()];
    assert.ok(uri);
    assert.equal(second.libraries.get(uri), first.libraries.get(uri));
    assert.equal(second.kpis.get('paid-conversions'), first.kpis.get('paid-conversions'));
  });
});
