import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { completion } from '../../../server/src/core/features/completion.js';
import { hover } from '../../../server/src/core/features/hover.js';
import { code, escapeMarkdown, markdownToPlainText } from '../../../server/src/core/text/markdown.js';
import { withCursor } from '../../helpers/cursor.js';

// Hover and completion documentation for clients that show plain text: the same words as the
// markdown, without its syntax.

const clean = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8').replace(/\|/g, '||');

describe('markdown as plain text', () => {
  it('drops emphasis, code spans and escapes, keeps lists, line breaks and link targets', () => {
    assert.equal(markdownToPlainText('**Channel** `seo` — *no definition*'), 'Channel seo — no definition');
    assert.equal(markdownToPlainText('first  \nsecond\n\n- `a` — x\n- b'), 'first\nsecond\n\n- a — x\n- b');
    assert.equal(markdownToPlainText('see [the rule](https://example.com/r.md)'), 'see the rule (https://example.com/r.md)');
    assert.equal(markdownToPlainText('## Heading'), 'Heading');
  });

  it('gives back plan text exactly as written, whatever markdown it looks like', () => {
    for (const text of ['*Q3* <b>push</b> [x](command:y) 50% \\ a_b', '# not a heading', '1. not a list', '`tick` and ``double``']) {
      assert.equal(markdownToPlainText(escapeMarkdown(text)), text);
      assert.equal(markdownToPlainText(code(text)), text);
    }
  });
});

describe('hover and completion for a plain-text client', () => {
  it('hover on a channel reads as text', () => {
    const { text, cursor } = withCursor(clean.replace('  content-hub:\n', '  content-|hub:\n'));
    const result = hover({ uri: 'file:///t.plan.yaml', version: 1, analysis: analyzeText(text) }, cursor, { markup: 'plaintext' });
    assert.equal(result?.contents.kind, 'plaintext');
    assert.equal(
      result?.contents.value.split('\n').slice(0, 3).join('\n'),
      'Channel content-hub · owner Content lead\n\nowned · inbound · content · stages consider',
    );
    assert.match(result!.contents.value, /\nDownstream \(1 dependant\)\n- paid-search — finish-to-start, no lag — 2026-07-01 → 2026-09-30$/);
  });

  it('completion documentation reads as text', () => {
    const { text, cursor } = withCursor(clean.replace('    kpis: [organic-sessions]\n', '    kpis: [organic-sessions]\n    dep|\n'));
    const items = completion({ uri: 'file:///t.plan.yaml', version: 1, analysis: analyzeText(text) }, cursor, { snippets: false, markup: 'plaintext' }).items;
    const documentation = items.find((item) => item.label === 'depends_on')?.documentation;
    assert.deepEqual(documentation, { kind: 'plaintext', value: 'depends_on — channel\n\nChannels that must come first, with kind and lag.' });
    assert.ok(items.every((item) => item.documentation === undefined || item.documentation.kind === 'plaintext'));
  });
});
