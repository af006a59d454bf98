import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { completion } from '../../../server/src/core/features/completion.js';
import { cursorContext } from '../../../server/src/core/features/completion/context.js';
import type { CompletionItem } from '../../../server/src/core/lspTypes.js';
import { applyEdits } from '../../helpers/applyEdits.js';
import { withCursor } from '../../helpers/cursor.js';

const clean = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8').replace(/\|/g, '||');

function completeAt(marked: string, snippets = true): { items: CompletionItem[]; labels: string[]; apply(label: string): string } {
  const { text, cursor } = withCursor(marked);
  const { items } = completion({ uri: 'file:///t.plan.yaml', version: 1, analysis: analyzeText(text) }, cursor, { snippets });
  return {
    items,
    labels: items.map((item) => item.label),
    apply(label) {
      const item = items.find((candidate) => candidate.label === label);
      assert.ok(item, `no ${label} among ${items.map((i) => i.label).join(', ')}`);
      return applyEdits(text, [item.textEdit]);
    },
  };
}

/** The clean plan with `find` replaced by `marked` (which holds the `|` cursor). */
function inPlan(find: string, marked: string): string {
  assert.ok(clean.includes(find), find);
  return clean.replace(find, marked);
}

function contextAt(marked: string) {
  const { text, cursor } = withCursor(marked);
  return cursorContext(text.split('\n'), cursor.line, cursor.character);
}

describe('cursor context on half-typed YAML', () => {
  const cases: [string, string, unknown][] = [
    ['a key being typed under a channel', 'channels:\n  seo:\n    type: owned\n    dep|\n', { kind: 'key', path: ['channels', 'seo'], column: 4 }],
    [
      'an empty line at the channel body',
      'channels:\n  seo:\n    type: owned\n    |\n    mode: inbound\n',
      { kind: 'key', path: ['channels', 'seo'], column: 4 },
    ],
    ['a channel id at the channels level', 'channels:\n  seo:\n    type: owned\n  |\n', { kind: 'key', path: ['channels'], column: 2 }],
    ['an empty value after `type: `', 'channels:\n  seo:\n    type: |\n', { kind: 'value', path: ['channels', 'seo'], key: 'type', afterColon: false }],
    ['right after the colon', 'channels:\n  seo:\n    type:|\n', { kind: 'value', path: ['channels', 'seo'], key: 'type', afterColon: true }],
    ['an unfinished flow list', 'channels:\n  ads:\n    depends_on: [seo, |\n', { kind: 'item', path: ['channels', 'ads', 'depends_on'], present: ['seo'] }],
    [
      'a flow list over several lines',
      'channels:\n  ads:\n    depends_on: [\n      seo,\n      |\n',
      { kind: 'item', path: ['channels', 'ads', 'depends_on'], present: ['seo'] },
    ],
    [
      'a key inside a flow dependency',
      'channels:\n  ads:\n    depends_on: [{ on: seo, k| }]\n',
      { kind: 'key', path: ['channels', 'ads', 'depends_on', 0], flow: true },
    ],
    [
      'a value inside a flow dependency',
      'channels:\n  ads:\n    depends_on: [{ on: seo, kind: | }]\n',
      { kind: 'value', path: ['channels', 'ads', 'depends_on', 0], key: 'kind' },
    ],
    [
      'a block list item',
      'channels:\n  ads:\n    stages:\n      - aware\n      - |\n',
      { kind: 'item', path: ['channels', 'ads', 'stages'], present: ['aware'] },
    ],
    [
      'a list flush with its key',
      'channels:\n  ads:\n    stages:\n    - aware\n    - |\n',
      { kind: 'item', path: ['channels', 'ads', 'stages'], present: ['aware'] },
    ],
    ['a key in a journey item', 'journey:\n  - stage: aware\n    |\n', { kind: 'key', path: ['journey', 0], column: 4 }],
    ['a measure key', 'kpis:\n  k:\n    measure:\n      source: GA4\n      cad|\n', { kind: 'key', path: ['kpis', 'k', 'measure'] }],
    ['a root key after comments and blank lines', 'plan: x\n# note\n\n|\n', { kind: 'key', path: [], column: 0 }],
    ['a key of a flow mapping', 'period: { start: 2026-05-01, | }\n', { kind: 'key', path: ['period'], flow: true }],
  ];
  for (const [name, marked, expected] of cases) {
    it(name, () => {
      const context = contextAt(marked) as unknown as Record<string, unknown>;
      assert.ok(context, 'a context is found');
      for (const [key, value] of Object.entries(expected as Record<string, unknown>))
        assert.deepEqual(context[key], value, `${key} of ${JSON.stringify(context, (_k, v) => (v instanceof Set ? [...v] : v))}`);
    });
  }

  it('knows the keys already present around the cursor, below it too', () => {
    const context = contextAt('channels:\n  seo:\n    type: owned\n    |\n    mode: inbound\n  other:\n    owner: x\n');
    assert.ok(context?.kind === 'key');
    assert.deepEqual([...context.present].sort(), ['mode', 'type']);
  });

  it('offers nothing inside a comment or a quoted value', () => {
    assert.equal(contextAt('plan: x # a comm|ent\n'), undefined);
    assert.equal(contextAt('plan: "a quo|ted"\n'), undefined);
  });
});

describe('completion', () => {
  it('offers the channel keys still missing, the required ones first, with markdown docs', () => {
    const { items } = completeAt(inPlan('    kpis: [assisted-signups]\n', '    kpis: [assisted-signups]\n    |\n'));
    assert.deepEqual(
      items.map((item) => item.label),
      ['name', 'phasing', 'spend', 'depends_on', 'personal_data', 'message', 'notes'],
    );
    assert.ok(items.every((item) => item.documentation?.kind === 'markdown' && item.documentation.value.length > 0));
  });

  it("inserts a key whose value is a block with the file's indentation", () => {
    const fourSpaces = 'plan: x\nchannels:\n    seo:\n        type: owned\n        |\n';
    const applied = completeAt(fourSpaces).apply('depends_on');
    assert.equal(applied, 'plan: x\nchannels:\n    seo:\n        type: owned\n        depends_on:\n            - $0\n');
  });

  it('inserts an enum key as a choice snippet and an id list as a flow list', () => {
    const { items } = completeAt('channels:\n  seo:\n    |\n');
    assert.equal(items.find((item) => item.label === 'type')?.textEdit.newText, 'type: ${1|paid,owned,earned|}');
    assert.equal(items.find((item) => item.label === 'kpis')?.textEdit.newText, 'kpis: [$0]');
    assert.equal(items.find((item) => item.label === 'owner')?.textEdit.newText, 'owner: ');
  });

  it('inserts only the key when the colon is already there', () => {
    const applied = completeAt('channels:\n  seo:\n    ty|: owned\n').apply('type');
    assert.equal(applied, 'channels:\n  seo:\n    type: owned\n');
  });

  it('adds the space after a bare colon or dash', () => {
    assert.equal(completeAt(inPlan('    type: paid\n', '    type:|\n')).apply('earned').includes('    type: earned\n'), true);
    assert.equal(
      completeAt(inPlan('      - content-hub\n', '      - content-hub\n      -|\n')).apply('seo').includes('      - content-hub\n      - seo\n'),
      true,
    );
  });

  it('replaces the whole word under the cursor', () => {
    assert.ok(completeAt(inPlan('    type: paid\n', '    type: pa|id\n')).apply('owned').includes('    type: owned\n'));
  });

  it('offers KPIs for a channel, without those listed already', () => {
    assert.deepEqual(completeAt(inPlan('kpis: [assisted-signups]', 'kpis: [assisted-signups, |]')).labels, [
      'organic-sessions',
      'paid-conversions',
      'email-conversions',
    ]);
  });

  it('offers journey stages for a channel', () => {
    assert.deepEqual(completeAt(inPlan('stages: [aware, consider]', 'stages: [aware, |]')).labels, ['consider', 'convert']);
  });

  it('offers channels for `on:` in a dependency', () => {
    assert.deepEqual(completeAt(inPlan('{ on: paid-search, kind: start-to-start, lag: 1w }', '{ on: |, kind: start-to-start, lag: 1w }')).labels, [
      'seo',
      'content-hub',
      'paid-search',
    ]);
  });

  it('offers enum values for medium, cadence and the attribution model', () => {
    assert.ok(completeAt(inPlan('    medium: email\n', '    medium: |\n')).labels.includes('personalisation'));
    assert.deepEqual(completeAt(inPlan('      cadence: monthly\n', '      cadence: |\n')).labels, ['daily', 'weekly', 'fortnightly', 'monthly', 'quarterly']);
    assert.ok(completeAt(inPlan('attribution: { model: data-driven', 'attribution: { model: |')).labels.includes('position-based'));
  });

  it('offers nothing for free text values', () => {
    assert.deepEqual(completeAt(inPlan('    owner: CRM lead\n', '    owner: CRM |\n')).labels, []);
  });

  it('offers a new KPI snippet whose traces_to choices are the objective and the KPIs', () => {
    const { items } = completeAt(inPlan('\nattribution:', '  |\n\nattribution:'));
    const snippet = items.find((item) => item.label === 'new KPI');
    assert.ok(snippet);
    assert.match(snippet.textEdit.newText, /^\$\{1:new-kpi\}:\n {4}traces_to: \$\{2\|q3-acquisition,organic-sessions,/);
    assert.match(snippet.textEdit.newText, /\n {4}measure:\n {6}definition: /);
  });

  it('offers a measure snippet in a KPI without one, ready the day before its first channel starts', () => {
    const plan =
      'plan: x\nchannels:\n  mail:\n    start: 2026-07-08\n    end: 2026-09-30\n    kpis: [k]\n  ads:\n    start: 2026-08-01\n    end: 2026-09-30\n    kpis: [k]\nkpis:\n  k:\n    traces_to: obj\n    |\n';
    const snippet = completeAt(plan).items.find((item) => item.label === 'measure');
    assert.ok(snippet);
    assert.match(snippet.textEdit.newText, /^measure:\n {6}definition: \$\{1:What exactly is counted\}\n/);
    assert.match(snippet.textEdit.newText, /ready_by: \$\{7:2026-07-07\}\$0$/);
    assert.equal(
      completeAt(plan.replace('    |\n', '    measure: {}\n    |\n')).items.find((item) => item.label === 'measure'),
      undefined,
      'not when the KPI has one',
    );
  });

  it('keeps working when the plan does not parse', () => {
    const broken = 'plan: x\njourney:\n  - stage: aware\n  - { stage: consider\nchannels:\n  seo:\n    type: owned\n  ads:\n    ty|\n';
    assert.ok(completeAt(broken).labels.includes('type'), 'keys still come from the schema');
    const { labels } = completeAt('plan: x\nchannels:\n  seo:\n    type: [\n  ads:\n    depends_on: [|\n');
    assert.ok(labels.includes('seo'), labels.join(', '));
  });

  it("keeps the file's CRLF line breaks in inserted blocks", () => {
    const crlf = 'plan: x\r\nkpis:\r\n  k:\r\n    |\r\n';
    const snippet = completeAt(crlf).items.find((item) => item.label === 'measure');
    assert.ok(snippet?.textEdit.newText.includes('measure:\r\n      definition:'));
  });

  it('gives clients without snippet support plain text: defaults kept, tab stops gone', () => {
    const marked = 'plan: x\nperiod: { start: 2026-05-01, end: 2026-09-30 }\nchannels:\n  seo:\n    type: owned\n  |\n';
    const plain = completeAt(marked, false).items.find((item) => item.label === 'new channel')!;
    assert.equal(plain.insertTextFormat, 1);
    assert.equal(
      plain.textEdit.newText,
      'new-channel:\n    type: paid\n    mode: inbound\n    owner: Owner\n    stages: []\n    start: 2026-05-01\n    end: 2026-09-30\n    budget: 0\n    kpis: []',
    );
    const keys = completeAt('channels:\n  seo:\n    |\n', false).items;
    assert.ok(keys.every((item) => item.insertTextFormat === 1 && !/\$\{?\d/.test(item.textEdit.newText)));
    assert.equal(keys.find((item) => item.label === 'depends_on')?.textEdit.newText, 'depends_on:\n      - ');
  });
});
