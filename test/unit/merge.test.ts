import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText, createParseState } from '../../server/src/core/analyze.js';
import type { Diagnostic } from '../../server/src/core/types.js';

// Merge keys (`<<: *defaults`) as YAML tools resolve them, and top-level `x-` extension keys.

const SHARED = readFileSync('test/fixtures/merges/shared-defaults.plan.yaml', 'utf8');

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((line) => line.includes(needle));

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.range.start.line + 1}: ${diagnostic.message}`);
}

/** A small valid plan around the given `channels` body (and extra top-level text). */
function plan(channels: string, top = ''): string {
  return `plan: Merges\n${top}channels:\n${channels}kpis:\n  k: { traces_to: k2, owner: o }\n  k2: { traces_to: o, owner: o }\n`;
}

function channelOf(text: string, id: string) {
  const channel = analyzeText(text).model.channels.get(id);
  assert.ok(channel, `channel ${id}`);
  return channel;
}

describe('merge keys', () => {
  it('resolve shared defaults in block and flow style, one or several at a time: the plan that uses them has no problem', () => {
    assert.deepEqual(codes(analyzeText(SHARED).diagnostics), []);
  });

  it('give merged values the range where they are written, and local keys win wherever they are written', () => {
    const { model } = analyzeText(SHARED);
    const search = model.channels.get('paid-search')!;
    const social = model.channels.get('paid-social')!;
    assert.equal(search.type?.value, 'paid');
    assert.equal(search.owner?.value, 'Paid media lead');
    // What a rule says about a merged value is shown on the `<<` source that brings it into the channel; the text stays where it is written.
    const mergeLine = lineOf(SHARED, '<<: [*paid, *summer]');
    const at = (range: { start: { line: number; character: number } } | undefined) =>
      range && SHARED.split('\n')[range.start.line]!.slice(range.start.character);
    assert.equal(search.owner?.range.start.line, mergeLine);
    assert.match(at(search.owner?.range) ?? '', /^\*paid, \*summer\]/);
    assert.equal(search.owner?.origin?.start.line, lineOf(SHARED, 'owner: Paid media lead'));
    assert.match(at(search.start?.range) ?? '', /^\*summer\]/);
    assert.equal(search.start?.origin?.start.line, lineOf(SHARED, 'x-summer'));
    assert.equal(social.start?.origin, undefined);
    assert.equal(social.owner?.value, 'Social lead');
    assert.equal(social.start?.value, '2026-07-08');
    assert.equal(social.end?.value, '2026-09-30');
    // The merged keys count as present in the section, at their origin.
    assert.equal(search.keys.get('mode')?.start.line, lineOf(SHARED, 'mode: outbound'));
    assert.equal(model.kpis.get('assisted-signups')!.measure?.cadence?.value, 'monthly');
    assert.equal(model.kpis.get('assisted-signups')!.measure?.source?.value, 'GA4');
  });

  it('let a key written before the `<<` win too, and the earlier of several merged mappings', () => {
    const text = plan(
      '  a:\n    owner: Local\n    <<: [*one, *two]\n    start: 2026-01-01\n    end: 2026-01-31\n    kpis: [k]\n',
      'x-one: &one { type: owned, mode: inbound, owner: One }\nx-two: &two { type: paid, mode: outbound, owner: Two, budget: 5 }\n',
    );
    const a = channelOf(text, 'a');
    assert.equal(a.owner?.value, 'Local');
    assert.equal(a.type?.value, 'owned');
    assert.equal(a.budget?.value, 5);
  });

  it('apply a merged mapping’s own merges, and stop at a mapping that merges itself', () => {
    const nested = plan(
      '  a: { <<: *outer, start: 2026-01-01, end: 2026-01-31, kpis: [k] }\n',
      'x-inner: &inner { type: owned, mode: inbound }\nx-outer: &outer { <<: *inner, owner: O }\n',
    );
    const a = channelOf(nested, 'a');
    assert.equal(a.type?.value, 'owned');
    assert.equal(a.owner?.value, 'O');
    const selfMerge = 'plan: x\nchannels: &m\n  <<: *m\n  a: { type: paid }\n';
    assert.ok(analyzeText(selfMerge).diagnostics.length > 0);
  });

  it('report a merge of something that is not a mapping once, on what is merged', () => {
    for (const [value, expected] of [
      ['5', 'not number 5'],
      ['[*one, 7]', 'not number 7'],
      ['*list', 'not text "a"'],
      ['', 'not an empty value'],
    ] as const) {
      const text = plan(
        `  a:\n    <<: ${value}\n    type: owned\n    mode: inbound\n    owner: o\n    start: 2026-01-01\n    end: 2026-01-31\n    kpis: [k]\n`,
        'x-one: &one { medium: seo }\nx-list: &list [a, b]\n',
      );
      const schema = analyzeText(text).diagnostics.filter((diagnostic) => diagnostic.code === 'schema');
      assert.equal(schema.length, 1, `${value}: ${codes(schema).join('; ')}`);
      assert.match(schema[0]!.message, new RegExp(`^\`<<\` merges mappings into this one .*, ${expected}\\.`));
      assert.equal(schema[0]!.range.start.line, lineOf(text, '<<:'), value);
      assert.ok(schema[0]!.range.end.character > schema[0]!.range.start.character, `${value}: the range covers text`);
    }
  });

  it('read a quoted "<<" as an ordinary (unknown) key, and `on:` stays a key, not a boolean', () => {
    const text = plan(
      '  a: { "<<": x, type: owned, mode: inbound, owner: o, start: 2026-01-01, end: 2026-01-31, kpis: [k] }\n  b: { type: owned, mode: inbound, owner: o, start: 2026-02-01, end: 2026-02-28, kpis: [k], depends_on: [{ on: a }] }\n',
    );
    assert.deepEqual(
      analyzeText(text)
        .diagnostics.filter((diagnostic) => diagnostic.code === 'schema')
        .map((diagnostic) => diagnostic.message.split('.')[0]),
      ['Unknown key `<<` in `channels'],
    );
    assert.equal(channelOf(text, 'b').dependsOn[0]?.on.value, 'a');
  });

  it('merge into the plan itself', () => {
    const { model } = analyzeText('x-common: &common { owner: Head of Growth }\n<<: *common\nplan: x\n');
    assert.equal(model.owner?.value, 'Head of Growth');
  });

  it('give the same result through the incremental parser as through a full parse, edit after edit', () => {
    // Merges of inline mappings tie no blocks together: those edits take the incremental path.
    const inline = plan(
      '  a:\n    <<: { type: owned, mode: inbound, owner: Lead }\n    start: 2026-01-01\n    end: 2026-01-31\n    kpis: [k]\n  b: { <<: { type: paid, mode: outbound }, owner: o, start: 2026-02-01, end: 2026-02-28, budget: 0, kpis: [k] }\n',
    );
    for (const base of [SHARED, inline]) {
      const state = createParseState();
      let incremental = 0;
      const edits = [
        (text: string) => text.replace('owner: Lead', 'owner: Leader'),
        (text: string) => text.replace('type: paid', 'type: pai'),
        (text: string) => text.replace('mode: inbound', 'mode: outbound'),
        (text: string) => text.replace('owner: Social lead', 'ownr: Social lead'),
        (text: string) => text.replace('<<:', '<<<:'),
        (text: string) => text.replace('<<<:', '<<:'),
      ];
      let text = base;
      analyzeText(text, {}, state);
      for (const edit of edits) {
        text = edit(text);
        const fast = analyzeText(text, {}, state);
        if (state.last.mode === 'incremental') incremental++;
        const full = analyzeText(text);
        assert.deepEqual(codes(fast.diagnostics), codes(full.diagnostics));
        assert.deepEqual(
          [...fast.model.channels.values()].map((channel) => [channel.id, channel.type?.value, channel.owner?.value, channel.owner?.range]),
          [...full.model.channels.values()].map((channel) => [channel.id, channel.type?.value, channel.owner?.value, channel.owner?.range]),
        );
      }
      if (base === inline) assert.ok(incremental >= 4, `${incremental} incremental parses`);
    }
  });
});

describe('extension keys', () => {
  it('are top-level keys starting with `x-`: no rule reads them, and plan-wide problems are not shown on them', () => {
    const { diagnostics } = analyzeText('x-notes: { anything: [goes, here], nested: { deep: 1 } }\nx-paid: &paid { type: paid }\nplan: x\n');
    assert.deepEqual(
      diagnostics.filter((diagnostic) => diagnostic.code === 'schema'),
      [],
    );
    for (const diagnostic of diagnostics) assert.equal(diagnostic.range.start.line, 2, `${diagnostic.code} is shown on \`plan\``);
  });

  it('are unknown keys anywhere else, like any other unknown top-level key', () => {
    const text = plan('  a: { x-note: n, type: owned, mode: inbound, owner: o, start: 2026-01-01, end: 2026-01-31, kpis: [k] }\n', 'extras: 1\n');
    assert.deepEqual(
      analyzeText(text)
        .diagnostics.filter((diagnostic) => diagnostic.code === 'schema')
        .map((diagnostic) => diagnostic.message.split('.')[0]),
      ['Unknown key `extras`', 'Unknown key `x-note` in `channels'],
    );
  });
});

describe('unknown keys', () => {
  it('are each reported, on their own key', () => {
    const text = plan(
      '  a: { type: owned, mode: inbound, owner: o, start: 2026-01-01, end: 2026-01-31, kpis: [k], colour: red, size: 2, ownr: x }\n',
      'titel: x\nauthor: y\n',
    );
    const unknown = analyzeText(text).diagnostics.filter((diagnostic) => diagnostic.code === 'schema');
    assert.deepEqual(
      unknown.map((diagnostic) => diagnostic.message.split(' in ')[0]!.split('.')[0]),
      ['Unknown key `titel`', 'Unknown key `author`', 'Unknown key `colour`', 'Unknown key `size`', 'Unknown key `ownr`'],
    );
    for (const diagnostic of unknown) {
      const key = /`([^`]+)`/.exec(diagnostic.message)![1]!;
      const line = text.split('\n')[diagnostic.range.start.line]!;
      assert.equal(line.slice(diagnostic.range.start.character, diagnostic.range.end.character), key);
    }
    assert.match(unknown[4]!.message, /Did you mean `owner`\?/);
  });
});
