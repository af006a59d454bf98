import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analysisOf, analyzeText } from '../../../server/src/core/analyze.js';
import { PORTFOLIO_MEMBER_FACTS, portfolioMemberFacts } from '../../../server/src/core/portfolio/portfolio.js';
import { LinkedFileStore } from '../../../server/src/core/workspace/linkedFileStore.js';
import { MemoryHost } from '../../helpers/memoryHost.js';
import { FILES, PORTFOLIO, PORTFOLIO_URI, ROOT } from './fixtures.js';

// The adapters' side of a portfolio, over an in-memory host: the store reads the member plans
// (not their libraries: a portfolio reads only what a plan writes), lists the folders the globs search (host.findPlans), makes the portfolio
// a dependant of each, and forgets a listing when a plan is created or deleted below it.

function setup() {
  const host = new MemoryHost(new Map([[PORTFOLIO_URI, PORTFOLIO], ...FILES]));
  const store = new LinkedFileStore(host);
  const first = analyzeText(PORTFOLIO, { planUri: PORTFOLIO_URI });
  const again = () => analysisOf(first.parsed, first.model, { planUri: PORTFOLIO_URI, files: store.snapshot() });
  return { host, store, first, again };
}

describe('LinkedFileStore with a portfolio', () => {
  it('loads member plans and glob listings until nothing is missing, and not the plans’ libraries', async () => {
    const { store, first, again } = setup();
    // Analyzed before anything is read, it names its path's plan and its glob's folder.
    assert.deepEqual(store.missing(first), [`${ROOT}/emea.plan.yaml`]);
    assert.deepEqual(store.missingFolders(first), [`${ROOT}/regions`]);
    const analysis = await store.loadAll(again(), again);
    const portfolio = analysis.portfolio!;
    assert.deepEqual(portfolio.notLoaded, []);
    assert.deepEqual(portfolio.foldersNotListed, []);
    assert.equal(portfolio.members.length, 3);
    store.record(PORTFOLIO_URI, analysis);
    for (const uri of [`${ROOT}/emea.plan.yaml`, `${ROOT}/regions/na.plan.yaml`, `${ROOT}/regions`])
      assert.deepEqual(store.dependants(uri), [PORTFOLIO_URI], uri);
    assert.deepEqual(store.dependants(`${ROOT}/shared/kpis.plan-library.yaml`), []);
  });

  it('facts the server hands over for a plan it analyzed are used for that text, and not for another', async () => {
    const { store, again } = setup();
    const emea = `${ROOT}/emea.plan.yaml`;
    const text = FILES.find(([uri]) => uri === emea)![1];
    const handed = { ...portfolioMemberFacts(analyzeText(text).model), title: 'handed over' };
    store.remember(emea, text, PORTFOLIO_MEMBER_FACTS, handed);
    const analysis = await store.loadAll(again(), again);
    assert.equal(analysis.portfolio!.members.find((member) => member.uri === emea)!.title, 'handed over', 'the plan was not parsed again');
    store.remember(emea, `${text}# edited\n`, PORTFOLIO_MEMBER_FACTS, handed);
    const fresh = analyzeText(PORTFOLIO, { planUri: PORTFOLIO_URI, files: store.snapshot() });
    assert.equal(fresh.portfolio!.members.find((member) => member.uri === emea)!.title, 'EMEA growth', 'facts of another text are not used');
  });

  it('an editor’s text of a member plan is what the portfolio sees', async () => {
    const { store, again } = setup();
    await store.loadAll(again(), again);
    store.setOpen(`${ROOT}/regions/na.plan.yaml`, 'plan: NA\nbudget: { total: 900000, currency: EUR }\n');
    assert.ok(again().diagnostics.some((diagnostic) => diagnostic.code === 'portfolio-budget-overallocated'));
    await store.closeOpen(`${ROOT}/regions/na.plan.yaml`);
    assert.ok(!again().diagnostics.some((diagnostic) => diagnostic.code === 'portfolio-budget-overallocated' && /add up/.test(diagnostic.message)));
  });

  it('a plan created where a glob looks: the listing is read again and the portfolio is named to re-check', async () => {
    const { host, store, again } = setup();
    const analysis = await store.loadAll(again(), again);
    store.record(PORTFOLIO_URI, analysis);
    const created = `${ROOT}/regions/latam.plan.yaml`;
    host.files.set(created, 'plan: LATAM\nbudget: { total: 10, currency: EUR }\nobjective: { id: latam, traces_to: fy27-growth }\n');
    assert.deepEqual(store.planAddedOrRemoved(created), [PORTFOLIO_URI]);
    assert.deepEqual(again().portfolio!.foldersNotListed, [`${ROOT}/regions`]);
    const after = await store.loadAll(again(), again);
    assert.ok(after.portfolio!.members.some((member) => member.uri === created));
    assert.deepEqual(store.planAddedOrRemoved(`file:///elsewhere/x.plan.yaml`), []);
  });
});
