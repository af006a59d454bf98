import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { formatDocument, formatDocumentRange, formatText, type FormatOptions } from '../../../server/src/core/features/format/index.js';
import type { PlanDocument } from '../../../server/src/core/planDocument.js';
import { applyEdits } from '../../helpers/applyEdits.js';
import { withCursors } from '../../helpers/cursor.js';
import { expectGolden } from '../../helpers/golden.js';
import { formattingProblems } from '../../helpers/formatChecks.js';

const lines = (...rows: string[]) => rows.map((row) => `${row}\n`).join('');

function formatted(text: string, options: FormatOptions = {}): string {
  const result = formatText(text, options);
  if ('error' in result) assert.fail(result.error);
  assert.deepEqual(formattingProblems(text, options), [], 'idempotent, and the analysed plan is unchanged');
  return result.text;
}

function doc(text: string): PlanDocument {
  return { uri: 'file:///format.plan.yaml', version: 1, analysis: analyzeText(text) };
}

describe('formatting', () => {
  it('leaves the example plans as they are', () => {
    for (const path of ['examples/clean/q3-acquisition.plan.yaml', 'examples/problems/new-user.plan.yaml']) {
      const text = readFileSync(path, 'utf8');
      assert.equal(formatted(text), text, path);
    }
  });

  it('indents with the unit most of the file uses, lists under keys as most of the file does', () => {
    const text = lines(
      'plan: x',
      'channels:',
      '   seo:',
      '      type: owned',
      '      stages:',
      '      - aware',
      '   paid:',
      '     type: paid',
      'kpis:',
      '   k:',
      '       traces_to: o',
    );
    assert.equal(
      formatted(text),
      lines(
        'plan: x',
        'channels:',
        '   seo:',
        '      type: owned',
        '      stages:',
        '      - aware',
        '   paid:',
        '      type: paid',
        'kpis:',
        '   k:',
        '      traces_to: o',
      ),
    );
    const fourSpaces = lines(
      'plan: x',
      'channels:',
      '    seo:',
      '        stages:',
      '            - aware',
      '        personal_data:',
      '            - email',
      '        kpis:',
      '          - k',
    );
    assert.equal(
      formatted(fourSpaces),
      lines(
        'plan: x',
        'channels:',
        '    seo:',
        '        stages:',
        '            - aware',
        '        personal_data:',
        '            - email',
        '        kpis:',
        '            - k',
      ),
    );
  });

  it("takes the editor's tab size for a file that nests nothing yet", () => {
    assert.equal(
      formatted('plan: x\nperiod: { start: 2026-01-01, end: 2026-12-31, extra: [aaaaaaaaaa, bbbbbbbbbb] }\n', { tabSize: 4, lineWidth: 40 }),
      lines('plan: x', 'period:', '    start: 2026-01-01', '    end: 2026-12-31', '    extra: [aaaaaaaaaa, bbbbbbbbbb]'),
    );
  });

  it('keeps comments where they belong, and at most one blank line between entries', () => {
    const text = lines(
      '# The plan',
      '',
      '',
      'plan: x   # title',
      'channels:',
      '# about seo',
      '    seo:',
      '        type: owned',
      '        # about the dates',
      '        start: 2026-05-01',
      '        # the end of seo',
      '',
      '',
      '',
      '    # about paid',
      '    paid: { type: paid }',
      '# kpis next',
      'kpis: {}',
      '',
      '',
    );
    assert.equal(
      formatted(text),
      lines(
        '# The plan',
        '',
        'plan: x   # title',
        'channels:',
        '# about seo',
        '    seo:',
        '        type: owned',
        '        # about the dates',
        '        start: 2026-05-01',
        '        # the end of seo',
        '',
        '    # about paid',
        '    paid: { type: paid }',
        '# kpis next',
        'kpis: {}',
      ),
    );
  });

  it('keeps anchors, aliases, merge keys, tags and quoting as written', () => {
    const text = lines(
      'plan: "Quoted: plan"',
      'defaults: &paid-defaults',
      '      type: paid',
      '      mode: outbound',
      'channels:',
      '  search:',
      '      <<: *paid-defaults',
      "      owner: 'Paid lead'",
      '      start: "2026-07-01"',
      '      budget: !!int "180000"',
      '      notes: yes',
    );
    assert.equal(
      formatted(text),
      lines(
        'plan: "Quoted: plan"',
        'defaults: &paid-defaults',
        '  type: paid',
        '  mode: outbound',
        'channels:',
        '  search:',
        '    <<: *paid-defaults',
        "    owner: 'Paid lead'",
        '    start: "2026-07-01"',
        '    budget: !!int "180000"',
        '    notes: yes',
      ),
    );
  });

  it('moves block scalars with their key, keeping their own indentation and chomping', () => {
    const text = lines(
      'period:',
      '  start: 2026-01-01',
      'budget:',
      '  total: 1',
      'channels:',
      '      seo:',
      '            notes: |2-',
      '                 indented by two on purpose',
      '',
      '               second paragraph',
      '            message: >',
      '              Folded',
      '              text',
      'plan: x',
    );
    assert.equal(
      formatted(text),
      lines(
        'period:',
        '  start: 2026-01-01',
        'budget:',
        '  total: 1',
        'channels:',
        '  seo:',
        '    notes: |2-',
        '         indented by two on purpose',
        '',
        '       second paragraph',
        '    message: >',
        '      Folded',
        '      text',
        'plan: x',
      ),
    );
  });

  it('moves the continuation lines of a multi-line scalar with their key', () => {
    const text = lines(
      'period:',
      '  start: 2026-01-01',
      'objective:',
      '      id: o',
      '      statement: Acquire 4,000 new customers',
      '        in Q3 at a blended CPA',
      '      metric: "new',
      '        customers"',
      'budget:',
      '  total: 1',
    );
    assert.equal(
      formatted(text),
      lines(
        'period:',
        '  start: 2026-01-01',
        'objective:',
        '  id: o',
        '  statement: Acquire 4,000 new customers',
        '    in Q3 at a blended CPA',
        '  metric: "new',
        '    customers"',
        'budget:',
        '  total: 1',
      ),
    );
  });

  it('keeps CRLF line breaks and a byte order mark', () => {
    const text = '\ufeffplan: x\r\nchannels:\r\n    seo:\r\n          type: owned\r\n          stages: [aware,consider]\r\n';
    assert.equal(formatted(text), '\ufeffplan: x\r\nchannels:\r\n    seo:\r\n        type: owned\r\n        stages: [aware, consider]\r\n');
  });

  it('writes flow collections on one line: one space after commas and inside braces, the alignment someone chose kept', () => {
    const text = lines(
      'journey:',
      '  - { stage: aware,    need: Know we exist }',
      '  - {stage: consider,need: Believe it is easy}',
      '  - [ a ,b ]',
      'reviews:',
      '  weekly:    { owner: Channel leads }',
      '  monthly:   { owner: Head of Growth }',
      '  quarterly:    { owner: CMO }',
      'stages: [',
      '  aware,',
      '  consider',
      ']',
    );
    assert.equal(
      formatted(text),
      lines(
        'journey:',
        '  - { stage: aware,    need: Know we exist }',
        '  - { stage: consider, need: Believe it is easy }',
        '  - [a, b]',
        'reviews:',
        '  weekly:    { owner: Channel leads }',
        '  monthly:   { owner: Head of Growth }',
        '  quarterly: { owner: CMO }',
        'stages: [aware, consider]',
      ),
    );
  });

  it('writes a flow collection longer than the line width in block style, its trailing comment after the key', () => {
    const text = lines(
      'channels:',
      '  paid-search:',
      '    depends_on: [content-hub, { on: seo, kind: start-to-start, lag: 8w, why: Organic base lowers paid CPA from month four }]   # both',
      '    kpis: [paid-conversions]',
    );
    assert.equal(
      formatted(text, { lineWidth: 80 }),
      lines(
        'channels:',
        '  paid-search:',
        '    depends_on:   # both',
        '      - content-hub',
        '      - on: seo',
        '        kind: start-to-start',
        '        lag: 8w',
        '        why: Organic base lowers paid CPA from month four',
        '    kpis: [paid-conversions]',
      ),
    );
    assert.equal(
      formatted(text),
      lines(
        'channels:',
        '  paid-search:',
        '    depends_on:   # both',
        '      - content-hub',
        '      - { on: seo, kind: start-to-start, lag: 8w, why: Organic base lowers paid CPA from month four }',
        '    kpis: [paid-conversions]',
      ),
    );
  });

  it('keeps a flow collection that holds comments as written, moved with its key', () => {
    const text = lines('channels:', '    seo:', '        stages: [', '          aware,   # first', '          consider', '        ]');
    assert.equal(formatted(text), lines('channels:', '    seo:', '        stages: [', '          aware,   # first', '          consider', '        ]'));
    const twoSpaces = lines(
      'plan: x',
      'period:',
      '  start: 2026-01-01',
      'channels:',
      '      seo:',
      '          stages: [',
      '            aware,   # first',
      '            consider',
      '          ]',
    );
    assert.equal(
      formatted(twoSpaces),
      lines('plan: x', 'period:', '  start: 2026-01-01', 'channels:', '  seo:', '    stages: [', '      aware,   # first', '      consider', '    ]'),
    );
  });

  it('collapses padding after a colon unless it lines the value up with a neighbour', () => {
    const text = lines('channels:', '  seo:', '    type:     owned', '    mode: inbound', '    owner:   SEO lead', '    start:   2026-05-01');
    assert.equal(formatted(text), lines('channels:', '  seo:', '    type: owned', '    mode: inbound', '    owner:   SEO lead', '    start:   2026-05-01'));
  });

  it('refuses a plan that does not parse, saying where', () => {
    const result = formatText('plan: x\nchannels:\n  seo: [a, b\n  paid: {}\n');
    assert.ok('error' in result);
    assert.match(result.error, /^The plan was not formatted: line \d+ does not parse/);
    assert.ok(result.range);
  });

  it('changes nothing in an empty file or one with only comments', () => {
    assert.equal(formatted(''), '');
    assert.equal(formatted('# just a note\n'), '# just a note\n');
    assert.equal(formatted('\n\n# note\n\n\n'), '# note\n');
  });

  it('answers with small edits, not a replacement of the whole plan', () => {
    const text = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8')
      .replace('    type: paid\n', '    type:   paid\n')
      .replace('budget: 180000\n', 'budget: 180000   \n');
    const result = formatDocument(doc(text));
    assert.ok('edits' in result);
    assert.equal(applyEdits(text, result.edits), readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8'));
    assert.deepEqual(
      result.edits.map((edit) => edit.newText),
      ['', ''],
    );
    assert.ok(result.edits.every((edit) => edit.range.start.line === edit.range.end.line));
  });

  it('edits CRLF plans without splitting a line break', () => {
    const text = 'plan: x\r\nperiod:\r\n  start: 2026-01-01\r\n\r\n\r\nbudget:\r\n  total: 1\r\nchannels:\r\n   seo:\r\n      type: owned   \r\n';
    const result = formatDocument(doc(text));
    assert.ok('edits' in result);
    assert.equal(
      applyEdits(text, result.edits),
      'plan: x\r\nperiod:\r\n  start: 2026-01-01\r\n\r\nbudget:\r\n  total: 1\r\nchannels:\r\n  seo:\r\n    type: owned\r\n',
    );
  });
});

describe('formatting a range', () => {
  it('formats the entries the range touches and nothing else', () => {
    const { text, cursors } = withCursors(
      lines(
        'plan: x',
        'channels:',
        '  seo:',
        '    type:    owned',
        '  pa|id:',
        '       type:    paid',
        '       kpis: [a,b]|',
        '  email:',
        '    type:    owned',
        'kpis:',
        '  a: {traces_to: o}',
      ),
    );
    const result = formatDocumentRange(doc(text), { start: cursors[0]!, end: cursors[1]! });
    assert.ok('edits' in result);
    assert.equal(
      applyEdits(text, result.edits),
      lines(
        'plan: x',
        'channels:',
        '  seo:',
        '    type:    owned',
        '  paid:',
        '    type: paid',
        '    kpis: [a, b]',
        '  email:',
        '    type:    owned',
        'kpis:',
        '  a: {traces_to: o}',
      ),
    );
  });

  it('formats a whole top-level section when the range is in one', () => {
    const { text, cursors } = withCursors(
      lines('plan: x', 'kpis:', '  a: {traces_to: o}', 'reviews:', '    weekly: {owner: |a}', 'attribution: {model: linear}', 'period:', '  start: 2026-01-01'),
    );
    const result = formatDocumentRange(doc(text), { start: cursors[0]!, end: cursors[0]! });
    assert.ok('edits' in result);
    assert.equal(
      applyEdits(text, result.edits),
      lines('plan: x', 'kpis:', '  a: {traces_to: o}', 'reviews:', '  weekly: { owner: a }', 'attribution: {model: linear}', 'period:', '  start: 2026-01-01'),
    );
  });

  it('formats the section when its entries cannot move alone', () => {
    const { text, cursors } = withCursors(
      lines(
        'plan: x',
        'period:',
        '  start: 2026-01-01',
        'budget:',
        '  total: 1',
        'channels:',
        '      a:',
        '          type: |paid',
        '      b:',
        '          type: owned',
      ),
    );
    const result = formatDocumentRange(doc(text), { start: cursors[0]!, end: cursors[0]! });
    assert.ok('edits' in result);
    assert.equal(
      applyEdits(text, result.edits),
      lines('plan: x', 'period:', '  start: 2026-01-01', 'budget:', '  total: 1', 'channels:', '  a:', '    type: paid', '  b:', '    type: owned'),
    );
  });
});

describe('canonical key order (sortKeys)', () => {
  it("puts each entry's keys in the schema's order; comments travel with their key, unknown keys stay after theirs", () => {
    const text = lines(
      'channels:',
      '  seo:',
      '    # the dates',
      '    start: 2026-05-01',
      '    x-note: after start',
      '    end: 2026-09-30',
      '    type: owned   # media type',
      '    mode: inbound',
      '    depends_on: [{ lag: 1w, on: paid }]',
      '    # end of seo',
      '  paid: { mode: outbound, type: paid }',
      'plan: Sorted',
      'owner: Growth',
    );
    assert.equal(
      formatted(text, { sortKeys: true }),
      lines(
        'plan: Sorted',
        'owner: Growth',
        'channels:',
        '  seo:',
        '    type: owned   # media type',
        '    mode: inbound',
        '    # the dates',
        '    start: 2026-05-01',
        '    x-note: after start',
        '    end: 2026-09-30',
        '    depends_on: [{ on: paid, lag: 1w }]',
        '    # end of seo',
        '  paid: { type: paid, mode: outbound }',
      ),
    );
  });

  it('keeps the order of channels, KPIs and milestones, merge keys first, and an alias after its anchor', () => {
    const valid = lines(
      'defaults: &base { mode: inbound }',
      'plan: x',
      'channels:',
      '  zeta: { start: 2026-01-01, type: paid }',
      '  alpha:',
      '    owner: a',
      '    <<: *base',
    );
    assert.equal(
      formatted(valid, { sortKeys: true }),
      lines(
        'defaults: &base { mode: inbound }',
        'plan: x',
        'channels:',
        '  zeta: { type: paid, start: 2026-01-01 }',
        '  alpha:',
        '    owner: a',
        '    <<: *base',
      ),
      'a merge key after another key is left where it is',
    );
  });

  it('is off unless asked for', () => {
    const text = lines('owner: Growth', 'plan: Not sorted');
    assert.equal(formatted(text), text);
  });
});

describe('formatting a messy plan', () => {
  it('gives the golden result', () => {
    const messy = readFileSync('test/fixtures/format/messy.plan.yaml', 'utf8');
    expectGolden('test/fixtures/format/messy.formatted.plan.yaml', formatted(messy));
    expectGolden('test/fixtures/format/messy.sorted.plan.yaml', formatted(messy, { sortKeys: true }));
  });
});
