// Hostile plans: inputs built to exhaust the parser, the model, the rules or whatever
// renders them. Each is a function so the big ones are only built when used.

const lines = (count: number, line: (i: number) => string): string => Array.from({ length: count }, (_, i) => line(i)).join('\n');

const channel = (id: string, extra = ''): string => `  ${id}: { type: owned, mode: inbound, owner: o, start: 2026-01-01, end: 2026-01-02, kpis: [k]${extra} }`;

const PROTO_IDS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

/** Ids that look like markup, script or paths, for every place a renderer shows an id. */
export const HOSTILE_IDS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  'command:workbench.action.terminal.new',
  '../../../etc/passwd',
  'https://evil.example/x?a=1&b=2',
  'file:///etc/passwd',
  '{{constructor.constructor("alert(1)")()}}',
  '</style><script>alert(1)</script>',
  ']]><script>alert(1)</script>',
  '\u202eevil\u202c',
];

/** A quoted YAML string that holds any text. */
export function yamlString(text: string): string {
  return JSON.stringify(text);
}

export const hostileCases: Record<string, () => string> = {
  empty: () => '',
  'whitespace only': () => '   \n\n\t\n',
  'BOM only': () => '\ufeff',
  'BOM before a plan': () => '\ufeffplan: x\nchannels:\n  a: { type: paid }\n',
  'NUL bytes': () => 'plan: x\u0000y\nchannels:\n  a\u0000b: { type: paid }\n\u0000\u0000\n',
  'lone surrogates': () => 'plan: \ud800x\nchannels:\n  \udc00: { type: paid, owner: "\ud83d" }\n',
  'bidi and zero-width characters': () => 'plan: \u202eevil\u202c\nchannels:\n  a\u200bb: { type: paid, owner: "\u2066x\u2069" }\n',
  'only CR line breaks': () => 'plan: x\rchannels:\r  a:\r    type: paid\r    start: 2026-01-01\r',
  'mixed line breaks': () => 'plan: x\r\nchannels:\n  a:\r    type: paid\u2028\n    start: 2026-01-01\r\n',
  'tabs for indentation': () => 'plan: x\nchannels:\n\ta:\n\t\ttype: paid\n',
  'alias bomb (billion laughs)': () =>
    'a: &a ["x","x","x","x","x","x","x","x","x"]\n' +
    ['b', 'c', 'd', 'e', 'f', 'g', 'h'].map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`).join('\n') +
    '\nplan: x\n',
  'alias bomb inside channels': () =>
    'plan: x\nx: &a [1,1,1,1,1,1,1,1,1,1]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nz: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nw: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n' +
    'channels:\n  a: { type: paid, stages: *d, kpis: *d, depends_on: *d, personal_data: *d }\n',
  'self-referencing alias': () => 'plan: x\nchannels: &c\n  a: *c\n  b: { depends_on: *c }\n',
  'merge keys': () =>
    'base: &b { type: paid, mode: inbound, start: 2026-01-01, end: 2026-01-02 }\nplan: x\nchannels:\n  a:\n    <<: *b\n    owner: o\n  b: { <<: [*b, *b], depends_on: [a] }\n',
  'recursive merge key': () => 'plan: x\nchannels: &m\n  <<: *m\n  a: { type: paid }\n',
  'custom and unsafe tags': () =>
    'plan: !custom x\nbudget: !!binary aGVsbG8=\nperiod: !!set { a, b }\nowner: !<tag:yaml.org,2002:js/function> "function(){ globalThis.pwned = 1 }"\n' +
    'proposition: !!python/object:os.system ["echo pwned"]\nchannels: !!omap [ { a: { type: paid } } ]\n',
  'odd key types': () =>
    'plan: x\n? [a, b]\n: list key\n? { a: 1 }\n: map key\n1: number key\ntrue: boolean key\nnull: null key\n~: tilde key\nchannels:\n  ? [c, d]\n  : { type: paid }\n  42: { type: owned }\n  true: { type: owned }\n',
  'directives and many documents': () => '%YAML 1.2\n%TAG ! tag:evil.example,2026:\n---\nplan: a\n' + lines(300, (i) => `---\nplan: doc ${i}\n`) + '\n...\n',
  'numbers out of range': () =>
    'plan: x\nbudget: { total: 1e999, currency: GBP }\nobjective: { id: o, target: .nan, deadline: 2026-01-01 }\nchannels:\n' +
    '  a: { type: paid, mode: inbound, start: 2026-01-01, end: 2026-01-02, budget: -.inf }\n  b: { type: paid, budget: 123456789012345678901234567890, lag: 1e308 }\n' +
    '  c: { type: paid, budget: 0x7FFFFFFFFFFFFFFF, depends_on: [{ on: a, lag: 99999999999999999999w }] }\n',
  'impossible dates': () =>
    'plan: x\nperiod: { start: 2026-02-30, end: 99999-01-01 }\nchannels:\n  a: { type: paid, start: 0000-00-00, end: -2026-01-01 }\n  b: { type: paid, start: 275760-09-14, end: 2026-13-45 }\n',
  'deep flow nesting (5,000)': () => `plan: ${'['.repeat(5000)}${']'.repeat(5000)}\nchannels: ${'{a: '.repeat(2000)}1${'}'.repeat(2000)}\n`,
  'deep block nesting (2,000)': () => `${lines(2000, (i) => `${' '.repeat(i)}k:`)} 1\n`,
  'deep sequence nesting': () => `plan: x\nchannels:\n  a:\n    depends_on:\n${lines(1000, (i) => `${' '.repeat(6 + i * 2)}-`)} x\n`,
  '200 KB scalar': () => `plan: ${'x'.repeat(200_000)}\nchannels:\n  a: { type: paid, owner: "${'y'.repeat(200_000)}" }\n`,
  '200 KB id': () => `plan: x\nchannels:\n  ${'c'.repeat(200_000)}: { type: paid, kpis: [${'k'.repeat(200_000)}] }\n`,
  // The yaml parser itself grows faster than linearly on one long flow line: 8,000 entries (100 KB) keep this a test of ours.
  '100 KB line of flow entries': () => `plan: x\nchannels: {${Array.from({ length: 8_000 }, (_, i) => `c${i}: {}`).join(', ')}}\n`,
  '20,000 top-level keys': () => lines(20_000, (i) => `k${i}: ${i}`),
  '10,000 duplicate keys': () => `plan: x\n${lines(10_000, () => 'channels: { a: { type: paid } }')}\n`,
  '10,000 anchors': () => `plan: x\nchannels:\n${lines(10_000, (i) => `  c${i}: &a${i} { type: owned }`)}\nkpis: { k: *a9999 }\n`,
  '5,000 channels': () => `plan: x\nchannels:\n${lines(5000, (i) => channel(`c${i}`))}\nkpis:\n  k: { traces_to: o }\n`,
  'dependency cycle of 3,000': () => `plan: x\nchannels:\n${lines(3000, (i) => channel(`c${i}`, `, depends_on: [c${(i + 1) % 3000}]`))}\n`,
  'dependency chain of 5,000 and traces_to chain of 5,000': () =>
    `plan: x\nchannels:\n${lines(5000, (i) => channel(`c${i}`, i ? `, depends_on: [c${i - 1}]` : ''))}\nkpis:\n${lines(5000, (i) => `  k${i}: { traces_to: k${i + 1} }`)}\n`,
  '300 channels each depending on all previous': () =>
    `plan: x\nchannels:\n${lines(300, (i) => channel(`c${i}`, `, depends_on: [${Array.from({ length: i }, (_, j) => `c${j}`).join(', ')}]`))}\n`,
  'prototype names as ids': () =>
    `plan: x\nobjective: { id: __proto__, statement: s, metric: m, target: 1, deadline: 2026-12-31 }\njourney:\n${PROTO_IDS.map((id) => `  - { stage: ${id}, need: n }`).join('\n')}\n` +
    `channels:\n${PROTO_IDS.map((id, i) => `  ${id}: { type: paid, mode: inbound, owner: o, stages: [${id}], start: 2026-01-0${i + 1}, end: 2026-02-01, budget: 1, kpis: [${id}], depends_on: [${PROTO_IDS[(i + 1) % PROTO_IDS.length]}] }`).join('\n')}\n` +
    `kpis:\n${PROTO_IDS.map((id) => `  ${id}: { traces_to: __proto__, owner: o }`).join('\n')}\nmilestones:\n${PROTO_IDS.map((id) => `  ${id}: { date: 2026-01-15 }`).join('\n')}\nreviews:\n  __proto__: { owner: o }\n  constructor: { owner: o }\n`,
  'ids that look like markup, script, paths and URLs': () =>
    `plan: ${yamlString(HOSTILE_IDS.join(' '))}\nchannels:\n${HOSTILE_IDS.map((id, i) => `  ${yamlString(id)}: { type: paid, owner: ${yamlString(id)}, start: 2026-01-0${(i % 9) + 1}, end: 2026-02-01, kpis: [${yamlString(id)}], depends_on: [${yamlString(HOSTILE_IDS[(i + 1) % HOSTILE_IDS.length]!)}] }`).join('\n')}\n`,
  'suppression comment with 10,000 names': () => `# throughline-disable ${lines(10_000, (i) => `rule-${i}`).replace(/\n/g, ', ')}\nplan: x\n`,
  'every line a comment': () => lines(20_000, (i) => `# comment ${i}`),
  'undefined aliases': () => 'plan: *nothing\nchannels:\n  a: *missing\n  b: { depends_on: [*gone] }\n',
};
