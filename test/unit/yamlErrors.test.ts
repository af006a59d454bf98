import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYaml } from '../../server/src/core/parse/parseYaml.js';
import type { Range } from '../../server/src/core/types.js';

/** The text a problem's range covers. */
function textAt(text: string, range: Range): string {
  const lines = text.split('\n');
  if (range.start.line !== range.end.line) return `${lines[range.start.line]!.slice(range.start.character)}⏎…`;
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}

function problemsOf(text: string): { at: string; line: number; message: string }[] {
  return parseYaml(text).problems.map((problem) => ({ at: textAt(text, problem.range), line: problem.range.start.line, message: problem.message }));
}

describe('YAML syntax errors', () => {
  it('shows an unclosed double quote where it opens, not at the end of the file', () => {
    const text = 'channels:\n  seo:\n    owner: "SEO lead\n    start: 2026-05-01\nkpis: {}\n';
    const [problem, ...rest] = problemsOf(text);
    assert.deepEqual(rest, []);
    assert.equal(problem!.line, 2);
    assert.equal(problem!.at, '"SEO lead');
    assert.match(problem!.message, /add the closing `"`/);
  });

  it('shows an unclosed single quote where it opens', () => {
    const [problem] = problemsOf("plan: x\nowner: 'Head of Growth\nperiod: {}\n");
    assert.equal(problem!.line, 1);
    assert.equal(problem!.at, "'Head of Growth");
    assert.match(problem!.message, /closing `'`/);
  });

  it('shows an unclosed [ list or { mapping at its bracket', () => {
    const list = problemsOf('channels:\n  seo:\n    stages: [aware, consider\n    start: 2026-05-01\n')[0]!;
    assert.deepEqual([list.line, list.at], [2, '[aware, consider']);
    assert.match(list.message, /end it with `\]`/);
    const map = problemsOf('period: { start: 2026-05-01, end: 2026-09-30\nowner: x\n')[0]!;
    assert.deepEqual([map.line, map.at], [0, '{ start: 2026-05-01, end: 2026-09-30']);
    assert.match(map.message, /end it with `\}`/);
  });

  it('says what to do about a half-typed key, on its own line only', () => {
    const problems = problemsOf('channels:\n  seo:\n    type: owned\n    medi\n    owner: SEO lead\n');
    assert.equal(problems.length, 1);
    assert.deepEqual([problems[0]!.line, problems[0]!.at], [3, 'medi']);
    assert.match(problems[0]!.message, /finish it as `key: value`/);
  });

  it('tells to quote a value with `: ` in it, in block and in flow style', () => {
    const block = problemsOf('channels:\n  seo:\n    notes: Phase one: audit\n');
    assert.equal(block.length, 1);
    assert.match(block[0]!.message, /must be quoted/);
    const flow = problemsOf('depends_on:\n  - { on: seo, why: Organic base: lowers CPA }\n');
    assert.equal(flow.length, 1);
    assert.match(flow[0]!.message, /quote a value that contains `: `/);
  });

  it('names the reserved character a plain value starts with', () => {
    assert.match(problemsOf('owner: @growth\n')[0]!.message, /cannot start with `@`: put the value in quotes/);
    assert.match(problemsOf('owner: `growth`\n')[0]!.message, /cannot start with a backtick/);
  });

  it('says tabs cannot indent', () => {
    const [problem] = problemsOf('channels:\n\tseo: {}\n');
    assert.equal(problem!.line, 1);
    assert.match(problem!.message, /indent with spaces/);
  });

  it('reports every independent error at its own place', () => {
    const text = ['plan: x', 'owner: @me', 'channels:', '  seo:', '    notes: a: b', '    medi', '    start: 2026-05-01', ''].join('\n');
    assert.deepEqual(
      problemsOf(text).map((problem) => problem.line),
      [1, 4, 5],
    );
  });

  it('reports a second YAML document once, as ignored', () => {
    const problems = problemsOf('plan: one\n---\nplan: two\n');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /second YAML document is ignored/);
  });

  it('reports nothing for valid YAML, including an empty file', () => {
    assert.deepEqual(problemsOf('plan: x\nchannels:\n  seo: { type: owned }\n'), []);
    assert.deepEqual(problemsOf(''), []);
  });
});
