import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

// Tokenizes plans the way VS Code does: our grammar on top of VS Code's own YAML grammars
// (copied to test/fixtures/grammars/), with the same TextMate engine and regex library.

const GRAMMAR = 'syntaxes/marketing-plan.tmLanguage.json';
const YAML_GRAMMARS = 'test/fixtures/grammars';

interface Token {
  text: string;
  scopes: string[];
}

async function loadRegistry(): Promise<Registry> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const paths = new Map<string, string>([['source.marketing-plan', GRAMMAR]]);
  for (const name of readdirSync(YAML_GRAMMARS).filter((file) => file.endsWith('.tmLanguage.json'))) {
    const path = join(YAML_GRAMMARS, name);
    paths.set((JSON.parse(readFileSync(path, 'utf8')) as { scopeName: string }).scopeName, path);
  }
  return new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      const path = paths.get(scopeName);
      return path ? parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
  });
}

function tokenize(grammar: IGrammar, text: string): Token[][] {
  let state = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

/** The scopes of `fragment` (a whole token) on the first line that starts with `linePrefix`. */
function scopesOf(lines: Token[][], source: string, linePrefix: string, fragment: string): string[] {
  const index = source.split('\n').findIndex((line) => line.startsWith(linePrefix));
  assert.ok(index >= 0, `no line starts with ${JSON.stringify(linePrefix)}`);
  const token = lines[index]!.find((candidate) => candidate.text === fragment);
  assert.ok(token, `no token ${JSON.stringify(fragment)} on line ${index + 1}: ${JSON.stringify(lines[index]!.map((t) => t.text))}`);
  return token.scopes;
}

/** The scopes our grammar adds to a token (its structural meta scopes aside). */
const planScopes = (scopes: string[]) =>
  scopes.filter((scope) => scope.endsWith('.marketing-plan') && !scope.startsWith('meta.') && !scope.startsWith('source.'));

const PLAN = `# A plan for the grammar test
plan: Q3 acquisition
period: { start: 2026-05-01, end: 2026-09-30 }
objective:
  id: q3-acquisition
  deadline: 2026-09-30
journey:
  - { stage: aware, need: Know we exist }
channels:
  seo:
    type: owned
    mode: inbound
    medum: seo            # misspelt key
    start: 2026-05-01
    budget: 30000
    kpis: [organic-sessions]
  paid-search:
    type: paidd
    mode: outbound
    medium: search
    notes: Starts 2026-07-01 when owned work is in place
    depends_on:
      - seo
      - { on: seo, kind: start-to-start, lag: 8w }
kpis:
  organic-sessions:
    traces_to: q3-acquisition
    measure:
      cadence: weekly
      ready_by: 2026-04-24
attribution: { model: data-driven, lookback: 30d }
governance:
  rapid_response:
    turnaround: 48h
`;

describe('TextMate grammar', () => {
  let registry: Registry;
  let plan: IGrammar;
  let lines: Token[][];
  before(async () => {
    registry = await loadRegistry();
    const grammar = await registry.loadGrammar('source.marketing-plan');
    assert.ok(grammar, 'source.marketing-plan loads');
    plan = grammar;
    lines = tokenize(plan, PLAN);
  });
  const at = (linePrefix: string, fragment: string) => scopesOf(lines, PLAN, linePrefix, fragment);

  it('is up to date with the schema and the rule registry (scripts/gen-grammar.mjs --check)', () => {
    const result = spawnSync(process.execPath, ['scripts/gen-grammar.mjs', '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr + result.stdout);
  });

  /** Each case: [start of the line, a token on it, exactly the scopes our grammar gives that token]. */
  const expectPlanScopes = (cases: [string, string, string[]][]) => {
    for (const [linePrefix, fragment, expected] of cases) {
      assert.deepEqual(planScopes(at(linePrefix, fragment)), expected, `${fragment} on the line ${linePrefix.trim()}`);
    }
  };
  const KEY = 'support.type.property-name.marketing-plan';

  it("marks the plan's keys at every level, in block and flow mappings, and leaves unknown keys plain YAML", () => {
    expectPlanScopes([
      ['plan:', 'plan', [KEY]],
      ['period:', 'start', [KEY]],
      ['  id:', 'id', [KEY]],
      ['    depends_on:', 'depends_on', [KEY]],
      ['      ready_by:', 'ready_by', [KEY]],
      ['    turnaround:', 'turnaround', [KEY]],
      ['      - { on:', 'kind', [KEY]],
      ['    medum:', 'medum', []],
    ]);
    for (const [line, key] of [
      ['plan:', 'plan'],
      ['      - { on:', 'kind'],
      ['    medum:', 'medum'],
    ] as const) {
      assert.ok(at(line, key).includes('entity.name.tag.yaml'), `${key} keeps YAML's key scope`);
    }
  });

  it('marks channel and KPI ids where they are defined, and only there', () => {
    expectPlanScopes([
      ['  seo:', 'seo', ['entity.name.type.channel.marketing-plan']],
      ['  paid-search:', 'paid-search', ['entity.name.type.channel.marketing-plan']],
      ['  organic-sessions:', 'organic-sessions', ['entity.name.type.kpi.marketing-plan']],
      ['  id:', 'q3-acquisition', ['entity.name.type.objective.marketing-plan']],
      ['  - { stage:', 'aware', ['entity.name.type.stage.marketing-plan']],
      // Keys inside a channel are keys, not ids; a reference to a channel is not its definition.
      ['    type: owned', 'type', [KEY]],
      ['      - seo', 'seo', []],
    ]);
  });

  it('marks enum values after their key: channel type and mode, medium, dependency kind, attribution model, cadence', () => {
    expectPlanScopes([
      ['    type: owned', 'owned', ['variable.other.enummember.type.marketing-plan']],
      ['    mode: outbound', 'outbound', ['variable.other.enummember.mode.marketing-plan']],
      ['    medium: search', 'search', ['variable.other.enummember.medium.marketing-plan']],
      ['      - { on:', 'start-to-start', ['variable.other.enummember.kind.marketing-plan']],
      ['attribution:', 'data-driven', ['variable.other.enummember.model.marketing-plan']],
      ['      cadence:', 'weekly', ['variable.other.enummember.cadence.marketing-plan']],
      // Not a value of the enum, or an enum word under another key.
      ['    type: paidd', 'paidd', []],
      ['    medum:', 'seo', []],
    ]);
  });

  it('marks ISO dates and durations as constants, in block and flow values, but not inside text', () => {
    expectPlanScopes([
      ['    start:', '2026-05-01', ['constant.numeric.date.marketing-plan']],
      ['period:', '2026-09-30', ['constant.numeric.date.marketing-plan']],
      ['      ready_by:', '2026-04-24', ['constant.numeric.date.marketing-plan']],
      ['      - { on:', '8w', ['constant.numeric.duration.marketing-plan']],
      ['attribution:', '30d', ['constant.numeric.duration.marketing-plan']],
      ['    turnaround:', '48h', ['constant.numeric.duration.marketing-plan']],
      ['    notes:', 'Starts 2026-07-01 when owned work is in place', []],
    ]);
  });

  it('keeps comments as YAML comments, with nothing of the plan inside them', () => {
    const comment = at('    medum:', ' misspelt key');
    assert.ok(comment.includes('comment.line.number-sign.yaml'));
    const header = lines[0]!.flatMap((token) => token.scopes);
    assert.ok(header.includes('comment.line.number-sign.yaml'));
    assert.deepEqual(planScopes(header), []);
  });

  it("keeps YAML's own highlighting: every character has the same YAML scopes as with source.yaml alone", async () => {
    const yaml = await registry.loadGrammar('source.yaml');
    assert.ok(yaml);
    const plans = [
      PLAN,
      ...readdirSync('examples', { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.plan.yaml'))
        .map((file) => readFileSync(join('examples', file), 'utf8')),
    ];
    assert.ok(plans.length >= 3, 'the example plans are found');
    // Meta scopes only structure the document (our id maps replace one on purpose); the root scope differs.
    const colouring = (scopes: string[]) =>
      scopes.filter((scope) => scope.endsWith('.yaml') && !scope.startsWith('meta.') && scope !== 'source.yaml').join(' ');
    const perCharacter = (tokens: Token[][]) => tokens.map((line) => line.flatMap((token) => [...token.text].map(() => colouring(token.scopes))));
    for (const text of plans) {
      const ours = perCharacter(tokenize(plan, text));
      const theirs = perCharacter(tokenize(yaml, text));
      ours.forEach((line, index) => assert.deepEqual(line, theirs[index], `line ${index + 1}: ${text.split('\n')[index]}`));
    }
  });
});
