import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { definition } from '../../../server/src/core/features/definition.js';
import { idIndexOf } from '../../../server/src/core/model/idIndex.js';
import type { PlanDocument } from '../../../server/src/core/planDocument.js';
import { references } from '../../../server/src/core/features/references.js';
import { prepareRename, rename } from '../../../server/src/core/features/rename.js';
import { LineIndex } from '../../../server/src/core/text/lineIndex.js';
import type { Range } from '../../../server/src/core/types.js';
import { applyEdits } from '../../helpers/applyEdits.js';
import { withCursor } from '../../helpers/cursor.js';

const URI = 'file:///t.plan.yaml';
const clean = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8');

function docOf(text: string): PlanDocument {
  return { uri: URI, version: 1, analysis: analyzeText(text) };
}

function textAt(text: string, range: Range): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

function lineOf(text: string, range: Range): string {
  return new LineIndex(text).lineText(range.start.line).trim();
}

describe('id index', () => {
  it('holds every definition and use of channel, KPI, objective and stage ids, in document order', () => {
    const index = idIndexOf(analyzeText(clean).model);
    const count = (kind: string, role: string) => index.occurrences.filter((o) => o.kind === kind && o.role === role).length;
    assert.equal(count('channel', 'channel-key'), 4);
    assert.equal(count('channel', 'depends-on'), 3);
    assert.equal(count('kpi', 'kpi-key'), 4);
    assert.equal(count('kpi', 'channel-kpi'), 4);
    assert.equal(count('kpi', 'traces-to'), 1);
    assert.equal(count('objective', 'traces-to'), 3);
    assert.equal(count('objective', 'objective-id'), 1);
    assert.equal(count('stage', 'journey-stage'), 3);
    assert.equal(count('stage', 'channel-stage'), 6);
    for (const occurrence of index.occurrences) assert.equal(textAt(clean, occurrence.range), occurrence.id);
    const starts = index.occurrences.map((o) => o.range.start.line * 1e6 + o.range.start.character);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
  });

  it('is built once per model', () => {
    const { model } = analyzeText(clean);
    assert.equal(idIndexOf(model), idIndexOf(model));
  });

  it('finds the occurrence under a position, its end included', () => {
    const index = idIndexOf(analyzeText('channels:\n  seo:\n    type: owned\n').model);
    assert.equal(index.at({ line: 1, character: 2 })?.id, 'seo');
    assert.equal(index.at({ line: 1, character: 5 })?.id, 'seo');
    assert.equal(index.at({ line: 1, character: 6 }), undefined);
    assert.equal(index.at({ line: 2, character: 6 }), undefined);
  });

  it('leaves the quotes of a quoted id out of its range', () => {
    const text = 'channels:\n  "seo":\n    type: owned\n  ads:\n    depends_on: [\'seo\']\n';
    const uses = idIndexOf(analyzeText(text).model).of('channel', 'seo');
    assert.deepEqual(
      uses.map((o) => textAt(text, o.range)),
      ['seo', 'seo'],
    );
  });
});

describe('definition and references', () => {
  it('goes from a KPI use to its definition', () => {
    const { text, cursor } = withCursor(clean.replace('kpis: [paid-conversions]', 'kpis: [paid-con|versions]'));
    const [location] = definition(docOf(text), cursor);
    assert.equal(lineOf(text, location!.range), 'paid-conversions:');
  });

  it('goes from a stage use to the journey', () => {
    const { text, cursor } = withCursor(clean.replace('stages: [convert]', 'stages: [conv|ert]'));
    const [location] = definition(docOf(text), cursor);
    assert.equal(lineOf(text, location!.range), '- { stage: convert,  need: Feel safe to buy today }');
  });

  it('has no definition for an id nobody defines, but finds its uses', () => {
    const text = 'channels:\n  a:\n    depends_on: [ghost]\n  b:\n    depends_on: [ghost]\n';
    const position = { line: 2, character: 20 };
    assert.deepEqual(definition(docOf(text), position), []);
    assert.equal(references(docOf(text), position, true).length, 2);
  });

  it('lists the references of a stage, the definition first when asked for', () => {
    const { text, cursor } = withCursor(clean.replace('stage: consider,', 'stage: cons|ider,'));
    const all = references(docOf(text), cursor, true);
    assert.equal(lineOf(text, all[0]!.range), '- { stage: consider, need: Believe switching is easy }');
    assert.equal(all.length, 4);
    assert.equal(references(docOf(text), cursor, false).length, 3);
  });

  it('answers nothing away from ids', () => {
    assert.deepEqual(definition(docOf(clean), { line: 2, character: 1 }), []);
    assert.deepEqual(references(docOf(clean), { line: 9999, character: 0 }, true), []);
  });
});

describe('rename', () => {
  it('prepares the id range and placeholder', () => {
    const { text, cursor } = withCursor(clean.replace('  email-nurture:', '  email-n|urture:'));
    const prepared = prepareRename(docOf(text), cursor);
    assert.equal(prepared?.placeholder, 'email-nurture');
    assert.equal(textAt(text, prepared!.range), 'email-nurture');
    assert.equal(prepareRename(docOf(text), { line: 0, character: 0 }), null);
  });

  it('renames a stage in the journey and in every channel', () => {
    const { text, cursor } = withCursor(clean.replace('stages: [aware, consider]', 'stages: [aw|are, consider]'));
    const result = rename(docOf(text), cursor, 'discover');
    assert.ok('edit' in result);
    const renamed = applyEdits(text, result.edit.changes[URI]!);
    assert.equal(renamed, clean.replaceAll('aware', 'discover'));
    assert.deepEqual(analyzeText(renamed).diagnostics, []);
  });

  it('renames the objective at its id and in every traces_to', () => {
    const { text, cursor } = withCursor(clean.replace('  id: q3-acquisition', '  id: q3-acq|uisition'));
    const result = rename(docOf(text), cursor, 'q3-growth');
    assert.ok('edit' in result);
    assert.equal(applyEdits(text, result.edit.changes[URI]!), clean.replaceAll('q3-acquisition', 'q3-growth'));
  });

  it('keeps quotes around a quoted id', () => {
    const text = 'channels:\n  "seo":\n    type: owned\n  ads:\n    depends_on: [\'seo\']\n';
    const result = rename(docOf(text), { line: 1, character: 4 }, 'organic');
    assert.ok('edit' in result);
    assert.equal(applyEdits(text, result.edit.changes[URI]!), 'channels:\n  "organic":\n    type: owned\n  ads:\n    depends_on: [\'organic\']\n');
  });

  it('refuses ids the language or YAML would not read as ids, and ids already taken', () => {
    const doc = docOf(clean);
    const seo = { line: 25, character: 3 };
    const error = (name: string) => {
      const result = rename(doc, seo, name);
      return 'error' in result ? result.error : 'renamed';
    };
    assert.match(error('has space'), /not a valid id/);
    assert.match(error('-dash'), /not a valid id/);
    assert.match(error('true'), /read by YAML as a boolean/);
    assert.match(error('12'), /read by YAML as a number/);
    assert.match(error('content-hub'), /already the id of a channel/);
    assert.equal(error('seo'), 'renamed');
  });

  it('lets the uses of an undefined id be renamed onto an existing one (fixing a typo everywhere)', () => {
    const text = 'channels:\n  seo:\n    type: owned\n  a:\n    depends_on: [sse]\n  b:\n    depends_on: [sse]\n';
    const result = rename(docOf(text), { line: 4, character: 18 }, 'seo');
    assert.ok('edit' in result);
    assert.equal(applyEdits(text, result.edit.changes[URI]!), text.replaceAll('sse', 'seo'));
  });
});
