import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkedFilesOf } from '../../../server/src/core/actuals/linkedFiles.js';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { isGlob, matchGlob, splitGlob } from '../../../server/src/core/portfolio/glob.js';
import { MAX_PORTFOLIO_ENTRIES } from '../../../server/src/core/portfolio/portfolio.js';
import { fileKindOf, isPlanFileName, isPortfolioFileName, type TextFile } from '../../../server/src/core/workspace/files.js';
import { withCpuTime } from '../../helpers/cpuTime.js';
import { EMEA, FILES, LISTING, PORTFOLIO, PORTFOLIO_URI, ROOT, snapshot } from './fixtures.js';

// A portfolio through the host seam: member plans arrive in the snapshot (`AnalyzeOptions.files`),
// glob folders as listings (`files.list`); what is missing is named in `notLoaded` / `foldersNotListed`.

const analyze = (text: string, files = snapshot(), uri = PORTFOLIO_URI) => analyzeText(text, { planUri: uri, files });
const codes = (text: string, files = snapshot()) => analyze(text, files).diagnostics.map((diagnostic) => diagnostic.code as string);

describe('portfolio file names', () => {
  it('are plan-language files of their own kind', () => {
    for (const name of ['fy27.portfolio.yaml', 'FY27.PORTFOLIO.YML']) {
      assert.ok(isPortfolioFileName(name), name);
      assert.ok(isPlanFileName(name), name);
      assert.equal(fileKindOf(name), 'portfolio');
    }
    assert.equal(fileKindOf('q3.plan.yaml'), 'plan');
    assert.equal(fileKindOf('kpis.plan-library.yaml'), 'library');
    assert.ok(!isPortfolioFileName('portfolio.yaml'));
  });
});

describe('portfolio globs', () => {
  it('split into a literal folder and a pattern', () => {
    assert.deepEqual(splitGlob('./regions/*.plan.yaml'), { base: 'regions', pattern: ['*.plan.yaml'] });
    assert.deepEqual(splitGlob('**/*.plan.yaml'), { base: '.', pattern: ['**', '*.plan.yaml'] });
    assert.deepEqual(splitGlob('../other/q?/*.plan.yml'), { base: '../other', pattern: ['q?', '*.plan.yml'] });
    assert.ok(isGlob('a/*.plan.yaml') && isGlob('{a,b}.plan.yaml') && !isGlob('./a.plan.yaml'));
  });

  it('match * within a folder, ** across folders, ?, [..] and {a,b}', () => {
    assert.ok(matchGlob(['*.plan.yaml'], 'emea.plan.yaml'));
    assert.ok(!matchGlob(['*.plan.yaml'], 'sub/emea.plan.yaml'));
    assert.ok(matchGlob(['**', '*.plan.yaml'], 'emea.plan.yaml'));
    assert.ok(matchGlob(['**', '*.plan.yaml'], 'a/b/c/emea.plan.yaml'));
    assert.ok(matchGlob(['q?.plan.yaml'], 'q3.plan.yaml'));
    assert.ok(matchGlob(['q[12].plan.yaml'], 'q1.plan.yaml') && !matchGlob(['q[12].plan.yaml'], 'q3.plan.yaml'));
    assert.ok(matchGlob(['{emea,na}.plan.yaml'], 'na.plan.yaml') && !matchGlob(['{emea,na}.plan.yaml'], 'apac.plan.yaml'));
    assert.ok(!matchGlob(['*.plan.yaml'], 'EMEA.PLAN.YAMLX'));
  });

  it('stay fast on hostile patterns', () => {
    const pattern = [...Array<string>(40).fill('**'), 'x.plan.yaml'];
    const path = `${Array<string>(40).fill('a').join('/')}/y.plan.yaml`;
    const { value, cpuMs: cpu } = withCpuTime(() => matchGlob(pattern, path));
    assert.ok(!value);
    assert.ok(cpu < 500, `${cpu} ms`);
  });
});

describe('portfolioOf', () => {
  it('resolves paths and globs into members with their dates, budget, objective and channels', () => {
    const portfolio = analyze(PORTFOLIO).portfolio!;
    assert.equal(portfolio.title, 'FY27 growth');
    assert.equal(portfolio.owner, 'CMO');
    assert.equal(portfolio.budget?.total?.value, 1000000);
    assert.equal(portfolio.objective?.id?.value, 'fy27-growth');
    assert.deepEqual(portfolio.notLoaded, []);
    assert.deepEqual(portfolio.foldersNotListed, []);
    assert.deepEqual(
      portfolio.members.map((member) => [member.uri.slice(ROOT.length), member.entry.value, member.entryIndex]),
      [
        ['/emea.plan.yaml', './emea.plan.yaml', 0],
        ['/regions/apac.plan.yaml', './regions/*.plan.yaml', 1],
        ['/regions/na.plan.yaml', './regions/*.plan.yaml', 1],
      ],
    );
    const emea = portfolio.members[0]!;
    assert.equal(emea.title, 'EMEA growth');
    assert.deepEqual([emea.period.start?.value, emea.period.end?.value], ['2027-01-01', '2027-06-30']);
    assert.deepEqual(emea.budget, { total: 600000, currency: 'EUR' });
    assert.equal(emea.objective?.statement, '3000 new EMEA customers');
    assert.equal(emea.objective?.tracesTo, 'fy27-growth');
    assert.equal(emea.objective?.deadline?.value, '2027-06-30');
    // `paid` has no dates written: none are made up.
    assert.deepEqual(
      emea.channels.map((channel) => [channel.id, channel.name, channel.start?.value, channel.end?.value]),
      [
        ['seo', 'SEO refresh', '2027-01-04', '2027-03-31'],
        ['paid', 'Paid search', undefined, undefined],
      ],
    );
    assert.equal(emea.channels[0]!.start?.day, Date.UTC(2027, 0, 4) / 86400000);
    assert.deepEqual(portfolio.entries[1]!.uris.length, 2);
    assert.ok(
      !portfolio.named.has(`${ROOT}/shared/kpis.plan-library.yaml`),
      'a member plan’s library is not read: a portfolio reads only what the plan writes',
    );
  });

  it('asks for what the snapshot lacks: member plans and glob folders, not the plans’ libraries', () => {
    const empty = analyze(PORTFOLIO, linkedFilesOf(new Map())).portfolio!;
    assert.deepEqual(empty.notLoaded, [`${ROOT}/emea.plan.yaml`]);
    assert.deepEqual(empty.foldersNotListed, [`${ROOT}/regions`]);
    const withoutLibrary = analyze(PORTFOLIO, snapshot(FILES.slice(0, 3))).portfolio!;
    assert.deepEqual(withoutLibrary.notLoaded, []);
  });

  it('is only made for portfolio files', () => {
    assert.equal(analyzeText(EMEA, { planUri: `${ROOT}/emea.plan.yaml`, files: snapshot() }).portfolio, undefined);
  });

  it('does not give a portfolio the plan rules', () => {
    const clean = `portfolio: FY27\nbudget: { total: 2000000, currency: EUR }\nobjective: { id: fy27-growth }\nplans: [./emea.plan.yaml, ./regions/na.plan.yaml]\n`;
    assert.deepEqual(codes(clean), []);
  });
});

describe('hostile and half-typed portfolios', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['a number', 'plans: 5'],
    ['a null entry', 'portfolio: x\nplans: [null]'],
    ['an empty entry', 'portfolio: x\nplans:\n  -\n  - ""\n'],
    ['above the root', 'portfolio: x\nplans: [../../../../../etc/passwd]'],
    ['not a plan name', 'portfolio: x\nplans: [../etc/passwd, ./a.yaml, ./b.portfolio.yaml, "C:\\\\x.plan.yaml", "https://x/y.plan.yaml"]'],
    ['a list', '- 1\n- 2'],
    ['a scalar', 'hello'],
    ['broken YAML', 'portfolio: [x\nplans: {'],
    ['a bad glob', 'portfolio: x\nplans: ["[", "{a,b", "**/**/*", "./*.csv"]'],
    ['mapping entries', 'portfolio: x\nplans:\n  - { path: ./a.plan.yaml }\n'],
    ['CRLF, BOM, anchors', '\uFEFFportfolio: x\r\nplans:\r\n  - &emea ./emea.plan.yaml\r\n  - *emea\r\n'],
    ['merge keys', 'x-base: &base { total: 10, currency: EUR }\nportfolio: x\nbudget: { <<: *base }\nplans: [./emea.plan.yaml]\n'],
  ];
  for (const [name, text] of cases) {
    it(`${name}: positioned diagnostics, no crash`, () => {
      const analysis = analyze(text);
      for (const diagnostic of analysis.diagnostics) {
        assert.ok(diagnostic.range.start.line >= 0 && diagnostic.message.length > 0, diagnostic.message);
        assert.doesNotMatch(String(diagnostic.code), /^objective-|^kpi-|^channel-/, diagnostic.message);
      }
      assert.ok(analysis.portfolio);
    });
  }

  it('refuses paths that are not plans before reading anything', () => {
    const portfolio = analyze('portfolio: x\nplans: [../../etc/passwd, ./a.yaml, ./shared/kpis.plan-library.yaml, ./b.portfolio.yaml]').portfolio!;
    assert.deepEqual(portfolio.notLoaded, []);
    assert.equal(portfolio.problems.length, 4);
    assert.match(portfolio.problems[2]!.message, /is a library, not a plan/);
    assert.match(portfolio.problems[3]!.message, /is a portfolio, not a plan/);
  });

  it('reports a plan listed twice, a glob adding nothing, a glob matching nothing, a missing plan', () => {
    const missing = new Map<string, TextFile>([[`${ROOT}/missing.plan.yaml`, { problem: 'cannot read: no such file or directory', kind: 'missing' }]]);
    const merged = linkedFilesOf(
      new Map([...FILES.map(([uri, text]): [string, TextFile] => [uri, { text }]), ...missing]),
      undefined,
      new Map([
        [ROOT, LISTING],
        [`${ROOT}/regions`, LISTING.slice(1, 3)],
        [`${ROOT}/none`, []],
      ]),
    );
    const text =
      'portfolio: x\nplans:\n  - ./emea.plan.yaml\n  - ./emea.plan.yaml\n  - ./regions/*.plan.yaml\n  - "**/*.plan.yaml"\n  - ./none/*.plan.yaml\n  - ./missing.plan.yaml\n';
    const messages = analyze(text, merged).diagnostics.filter((diagnostic) => diagnostic.code === 'portfolio-plan-unresolved');
    assert.deepEqual(
      messages.map((diagnostic) => diagnostic.range.start.line),
      [3, 5, 6, 7],
    );
    assert.match(messages[0]!.message, /already listed/);
    assert.match(messages[1]!.message, /adds no plan/);
    assert.match(messages[2]!.message, /matches no plan/);
    assert.match(messages[3]!.message, /cannot be read: there is no such file/);
  });

  it('cuts a huge list and says so', () => {
    const text = `portfolio: x\nplans:\n${Array.from({ length: MAX_PORTFOLIO_ENTRIES + 50 }, (_, i) => `  - ./p${i}.plan.yaml\n`).join('')}`;
    const { value: analysis, cpuMs: cpu } = withCpuTime(() => {
      const result = analyze(text);
      void result.diagnostics;
      return result;
    });
    assert.ok(cpu < 3000, `${cpu} ms`);
    assert.equal(analysis.portfolio!.notLoaded.length, MAX_PORTFOLIO_ENTRIES);
    assert.ok(analysis.diagnostics.some((diagnostic) => diagnostic.range.start.line === MAX_PORTFOLIO_ENTRIES + 2 && /at most/.test(diagnostic.message)));
  });
});

describe('portfolio rules', () => {
  it('take their severity from the settings, like every rule', () => {
    const run = (rules: Record<string, 'off' | 'error' | 'hint'>) =>
      analyzeText(PORTFOLIO, { planUri: PORTFOLIO_URI, files: snapshot(), rules }).diagnostics.map((diagnostic) => `${diagnostic.code}:${diagnostic.severity}`);
    assert.deepEqual(run({}).sort(), ['portfolio-budget-overallocated:1', 'portfolio-untraced:2']);
    assert.deepEqual(run({ 'portfolio-budget-overallocated': 'off', 'portfolio-untraced': 'error' }), ['portfolio-untraced:1']);
    assert.deepEqual(run({ 'portfolio-budget-overallocated': 'hint', 'portfolio-untraced': 'off' }), ['portfolio-budget-overallocated:4']);
  });

  it('can be disabled by a comment, like every rule', () => {
    const text = `# throughline-disable portfolio-untraced\n${PORTFOLIO}`;
    assert.ok(!codes(text).includes('portfolio-untraced'));
  });

  it('link the member plan’s objective from portfolio-untraced', () => {
    const untraced = analyze(PORTFOLIO).diagnostics.find((diagnostic) => diagnostic.code === 'portfolio-untraced')!;
    assert.match(untraced.message, /`apac\.plan\.yaml`.*Write `traces_to: fy27-growth`/);
    assert.deepEqual(untraced.relatedInformation?.[0]?.location, {
      uri: `${ROOT}/regions/apac.plan.yaml`,
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } },
    });
  });

  it('leave a plan in another currency out of the sum, and say so on its entry', () => {
    const diagnostics = analyze(PORTFOLIO.replace('total: 1000000', 'total: 900000')).diagnostics.filter((d) => d.code === 'portfolio-budget-overallocated');
    assert.equal(diagnostics.length, 2);
    assert.match(
      diagnostics[0]!.message,
      /add up to €950,000, over the portfolio's total of €900,000 by €50,000\. The largest: `EMEA growth` \(€600,000\), `North America` \(€350,000\)/,
    );
    assert.match(diagnostics[0]!.message, /One plan that budgets in another currency is left out of the sum\./);
    assert.match(diagnostics[1]!.message, /`APAC launch` budgets in `USD`, the portfolio in `EUR`/);
  });
});
