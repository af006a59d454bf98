import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { SHARED_VALUES_EXAMPLE } from '../../../scripts/docs/languageDocs.js';
import { codeActions } from '../../../server/src/core/features/codeActions.js';
import { completion } from '../../../server/src/core/features/completion.js';
import { hover } from '../../../server/src/core/features/hover.js';
import { inlayHints } from '../../../server/src/core/features/inlayHints.js';
import { references } from '../../../server/src/core/features/references.js';
import { rename } from '../../../server/src/core/features/rename.js';
import type { PlanDocument } from '../../../server/src/core/planDocument.js';
import { LineIndex } from '../../../server/src/core/text/lineIndex.js';
import type { Diagnostic, Position } from '../../../server/src/core/types.js';
import { applyEdits } from '../../helpers/applyEdits.js';

// Editor features on plans that share values through `<<` merge keys.

const URI = 'file:///work/merges.plan.yaml';
const SHARED = readFileSync('test/fixtures/merges/shared-defaults.plan.yaml', 'utf8');

function documentOf(text: string): PlanDocument {
  return { uri: URI, version: 1, analysis: analyzeText(text) };
}

/** The position of the `nth` occurrence of `needle` (plus `shift` characters). */
function at(text: string, needle: string, shift = 0, nth = 0): Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} is in the text`);
  return new LineIndex(text).positionAt(offset + shift);
}

function hoverText(text: string, position: Position): string {
  const result = hover(documentOf(text), position);
  assert.ok(result, 'hover answers');
  return result.contents.value;
}

const lineText = (text: string, diagnostic: Diagnostic) => text.split('\n')[diagnostic.range.start.line]!;

// Two channels share their summer dates; `social` depends on `search` with a lag it does not respect.
const DATES = `plan: Shared dates
x-summer: &summer { start: 2026-07-01, end: 2026-07-31 }
x-kpis: &kpis { kpis: [clikcs] }
channels:
  search:
    <<: [*summer, *kpis]
    type: owned
    mode: inbound
    owner: Search lead
  social:
    <<: [*summer, *kpis]
    type: owned
    mode: outbound
    owner: Social lead
    depends_on: [{ on: search, kind: start-to-start, lag: 1w }]
kpis:
  clicks: { traces_to: o, owner: o }
`;

describe('merge keys in the editor', () => {
  it('hover on a `<<` line says what it merges, from where, and which keys are written here instead', () => {
    const markdown = hoverText(SHARED, at(SHARED, '<<: [*paid, *summer]', 1, 1));
    assert.match(markdown, /from `x-paid` \(line 10\): `type`, `mode`, ~~`owner`~~/);
    assert.match(markdown, /from `x-summer` \(line 13\): ~~`start`~~, `end`/);
    assert.match(hoverText(SHARED, at(SHARED, '*summer]', 2)), /from `x-summer`/);
  });

  it('hover on merged text says which mappings merge it, and which write their own value', () => {
    const markdown = hoverText(SHARED, at(SHARED, 'owner: Paid media lead', 8));
    assert.match(markdown, /The person accountable for the channel/);
    assert.match(
      markdown,
      /Merged \(`<<`\) into `channels\.paid-search`, `channels\.paid-social`\. `channels\.paid-social` writes its own `owner`, which wins\./,
    );
  });

  it('hover on a top-level `x-` key says the checks ignore it, and where it is merged', () => {
    const markdown = hoverText(SHARED, at(SHARED, 'x-weekly', 1));
    assert.match(markdown, /extension key/);
    assert.match(markdown, /checks and rules ignore them/);
    assert.match(markdown, /Merged into `kpis\.organic-sessions\.measure`, `kpis\.assisted-signups\.measure`, `kpis\.paid-conversions\.measure`\./);
  });

  it('shows what a rule says about a merged value on the `<<` line of the channel it concerns', () => {
    const { diagnostics } = analyzeText(DATES);
    const violated = diagnostics.filter((diagnostic) => diagnostic.code === 'dependency-violated');
    assert.equal(violated.length, 1);
    assert.equal(violated[0]!.range.start.line, at(DATES, '<<', 0, 1).line);
    assert.match(DATES.slice(new LineIndex(DATES).offsetAt(violated[0]!.range.start)), /^\*summer/);
    const undefinedKpis = diagnostics.filter((diagnostic) => diagnostic.code === 'kpi-undefined');
    assert.deepEqual(
      undefinedKpis.map((diagnostic) => lineText(DATES, diagnostic).trim()),
      ['<<: [*summer, *kpis]', '<<: [*summer, *kpis]'],
    );
  });

  it('moves a merged date by giving the channel its own date, never by editing the shared one', () => {
    const document = documentOf(DATES);
    const violated = document.analysis.diagnostics.find((diagnostic) => diagnostic.code === 'dependency-violated')!;
    const actions = codeActions(document, violated.range, [violated]);
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Move start to 2026-07-08 in `social` (instead of the merged one)', 'Move start to 2026-07-08 and keep the duration (end 2026-08-07)'],
    );
    for (const action of actions) {
      const after = applyEdits(DATES, action.edit.changes[URI]!);
      assert.ok(after.includes('x-summer: &summer { start: 2026-07-01, end: 2026-07-31 }'), 'the shared dates are unchanged');
      const reanalyzed = analyzeText(after);
      assert.deepEqual(
        reanalyzed.diagnostics.filter((diagnostic) => diagnostic.code === 'dependency-violated' || diagnostic.code === 'schema'),
        [],
        after,
      );
      assert.equal(reanalyzed.model.channels.get('search')!.start?.value, '2026-07-01');
      assert.equal(reanalyzed.model.channels.get('social')!.start?.value, '2026-07-08');
    }
  });

  it('corrects a misspelt id where it is written: it is misspelt for every channel that merges it', () => {
    const document = documentOf(DATES);
    const first = document.analysis.diagnostics.find((diagnostic) => diagnostic.code === 'kpi-undefined')!;
    const correct = codeActions(document, first.range, [first]).find((action) => action.title === 'Change to `clicks`');
    assert.ok(correct);
    const after = applyEdits(DATES, correct.edit.changes[URI]!);
    assert.ok(after.includes('x-kpis: &kpis { kpis: [clicks] }'));
    assert.deepEqual(
      analyzeText(after).diagnostics.filter((diagnostic) => diagnostic.code === 'kpi-undefined'),
      [],
    );
  });

  it('renames and lists an id written once in merged text once', () => {
    const text = DATES.replace('clikcs', 'clicks');
    const document = documentOf(text);
    const definition = at(text, 'clicks: {', 1);
    assert.equal(references(document, definition, true).length, 2);
    const result = rename(document, definition, 'taps');
    assert.ok('edit' in result);
    const after = applyEdits(text, result.edit.changes[URI]!);
    assert.ok(after.includes('{ kpis: [taps] }') && after.includes('  taps: { traces_to'), after);
  });

  it('puts a channel’s length after the end it writes itself, not after shared text', () => {
    const hints = inlayHints(documentOf(SHARED), { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } });
    const lines = hints.map((hint) => SHARED.split('\n')[hint.position.line]!.trim());
    assert.deepEqual(lines, [
      'end: 2026-09-30',
      'content-hub: { <<: *owned, medium: content, owner: Content lead, stages: [consider], start: 2026-05-15, end: 2026-06-20, budget: 45000, kpis: [assisted-signups] }',
    ]);
  });

  it('completion offers no `x-` key: they are the plan’s own', () => {
    const text = 'plan: x\nx-paid: &paid { type: paid }\n\n';
    const { items } = completion(documentOf(text), { line: 2, character: 0 }, { snippets: false });
    assert.ok(items.some((item) => item.label === 'channels'));
    assert.ok(!items.some((item) => item.label.startsWith('x-')));
  });

  it('the example of the language reference is valid', () => {
    const { diagnostics } = analyzeText(`plan: Example\n${SHARED_VALUES_EXAMPLE}\nkpis:\n  paid-conversions: { traces_to: o }\n`);
    assert.deepEqual(
      diagnostics.filter((diagnostic) => diagnostic.code === 'schema' || diagnostic.code === 'yaml-syntax').map((diagnostic) => diagnostic.message),
      [],
    );
    const channels = analyzeText(`plan: Example\n${SHARED_VALUES_EXAMPLE}\n`).model.channels;
    assert.equal(channels.get('paid-social')!.owner?.value, 'Social lead');
    assert.equal(channels.get('paid-search')!.owner?.value, 'Paid media lead');
  });
});
