import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/analyze.js';
import { cutDeepNesting, MAX_NESTING } from '../../server/src/core/parse/nesting.js';

const deepFlow = (levels: number) => `plan: ${'['.repeat(levels)}${']'.repeat(levels)}\nowner: o\n`;
const deepBlock = (levels: number) => `${Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\nowner: o\n`;

describe('nesting deeper than the parser can take', () => {
  it('leaves ordinary plans alone', () => {
    assert.equal(cutDeepNesting('plan: x\nchannels:\n  a: { depends_on: [b, { on: c }] }\n  b:\n    - - x\n'), undefined);
    assert.equal(cutDeepNesting(deepFlow(MAX_NESTING - 1)), undefined);
    assert.equal(cutDeepNesting(`plan: "${'['.repeat(500)}"\nnote: '${'{'.repeat(500)}'\n# ${'['.repeat(500)}\n`), undefined);
    const staircase = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i + 2)}line ${i}`).join('\n');
    for (const header of ['|', '>-', '|+2', '| # a comment']) assert.equal(cutDeepNesting(`note: ${header}\n${staircase}\nowner: o\n`), undefined, header);
  });

  it('blanks what lies deeper, keeping every offset and line break', () => {
    const text = deepFlow(1000);
    const cut = cutDeepNesting(text)!;
    assert.equal(cut.text.length, text.length);
    assert.equal(cut.offset, 'plan: '.length + MAX_NESTING - 1);
    assert.equal(cut.text.slice(0, cut.offset), text.slice(0, cut.offset));
    assert.match(cut.text, /^plan: \[+ +\]+\nowner: o\n$/);
    const blockText = `${deepBlock(300)}\r\n`;
    const block = cutDeepNesting(blockText)!;
    assert.deepEqual(
      block.text.split(/\r?\n/).map((line) => line.length),
      blockText.split(/\r?\n/).map((line) => line.length),
    );
    assert.equal(block.text.split('\n')[MAX_NESTING]!.trim(), '');
  });

  it('reports one clear, positioned problem, the same on every run, and reads on', () => {
    for (const text of [deepFlow(5000), deepBlock(2000)]) {
      const runs = [analyzeText(text), analyzeText(text), (() => analyzeText(text))()];
      const syntax = runs.map((run) => run.diagnostics.filter((d) => d.code === 'yaml-syntax'));
      assert.equal(syntax[0]!.length, 1);
      assert.match(syntax[0]![0]!.message, /nested more than 100 levels deep/);
      assert.deepEqual(syntax[1], syntax[0]);
      assert.deepEqual(syntax[2], syntax[0]);
      assert.equal(runs[0]!.model.owner?.value, 'o');
    }
  });
});
