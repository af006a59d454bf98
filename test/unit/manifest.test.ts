import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText, LIBRARY_FILE_SUFFIXES, PLAN_FILE_GLOBS, PLAN_ONLY_FILE_SUFFIXES, PORTFOLIO_FILE_SUFFIXES } from '../../server/src/core/index.js';
import { COMMANDS, INTERNAL_COMMANDS, LENS_COMMANDS } from '../../client/src/commandIds.js';
import { rules } from '../../server/src/core/rules/index.js';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/core/features/semanticTokens.js';
import { attributionModels, cadences, channelModes, channelTypes, dependencyKinds, media } from '../../server/src/core/schema/planSchema.js';

// The extension manifest (package.json) and the files it points at agree with each other, with
// the client code and with the language; the snippets write valid plans; the .vsix holds only
// what the extension needs.

interface Command {
  command: string;
  title?: string;
  category?: string;
}
interface MenuItem {
  command: string;
  when?: string;
}
interface Setting {
  type?: string;
  enum?: string[];
  default?: unknown;
  markdownDescription?: string;
  description?: string;
  properties?: Record<string, Setting>;
}
interface Manifest {
  main: string;
  browser: string;
  icon: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | string; description?: string }; virtualWorkspaces: unknown };
  contributes: {
    languages: { id: string; filenamePatterns: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
    yamlValidation: { fileMatch: string[]; url: string }[];
    commands: Command[];
    menus: Record<string, MenuItem[]>;
    configuration: { properties: Record<string, Setting> };
  };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const { contributes } = manifest;
const LANGUAGE = 'marketing-plan';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('extension manifest', () => {
  it('gives every command a title and a category, once', () => {
    const ids = contributes.commands.map((command) => command.command);
    assert.deepEqual(ids, [...new Set(ids)]);
    for (const command of contributes.commands) {
      assert.ok(command.title && command.title.length > 0, `${command.command} has a title`);
      assert.equal(command.category, 'Throughline', `${command.command} is in the Throughline category`);
    }
    assert.ok(ids.includes('throughline.restartServer') && ids.includes('throughline.showOutput'));
  });

  it('names only contributed commands in menus', () => {
    const contributed = new Set(contributes.commands.map((command) => command.command));
    for (const [menu, items] of Object.entries(contributes.menus)) {
      for (const item of items) assert.ok(contributed.has(item.command), `menu ${menu} names ${item.command}, which is not contributed`);
    }
  });

  it('offers the plan commands on plans, not on libraries or portfolios (one language), and the portfolio timeline on portfolios only', () => {
    // The `resourceFilename =~ /…/` part of a when clause, as VS Code reads it (a JavaScript RegExp).
    const filenamePattern = (when: string | undefined) => {
      const found = /resourceFilename =~ \/(.+?)\/([a-z]*)(?: |$)/.exec(when ?? '');
      assert.ok(found, `a resourceFilename condition in ${when}`);
      return new RegExp(found[1]!, found[2]);
    };
    const names = (suffixes: readonly string[]) => suffixes.flatMap((suffix) => [`q3${suffix}`, `Q3${suffix.toUpperCase()}`]);
    const planCommands: string[] = [COMMANDS.openTimelinePreview, COMMANDS.exportTimelineSvg, COMMANDS.exportPlan, COMMANDS.shiftChannel];
    const items = Object.values(contributes.menus).flat();
    for (const item of items.filter((candidate) => planCommands.includes(candidate.command))) {
      const pattern = filenamePattern(item.when);
      for (const name of [...names(PLAN_ONLY_FILE_SUFFIXES), 'Untitled-1']) assert.ok(pattern.test(name), `${item.command} is offered on ${name}`);
      for (const name of names([...LIBRARY_FILE_SUFFIXES, ...PORTFOLIO_FILE_SUFFIXES]))
        assert.ok(!pattern.test(name), `${item.command} is not offered on ${name}`);
    }
    for (const item of items.filter((candidate) => candidate.command === COMMANDS.openPortfolioTimeline)) {
      const pattern = filenamePattern(item.when);
      for (const name of names(PORTFOLIO_FILE_SUFFIXES)) assert.ok(pattern.test(name), `${item.command} is offered on ${name}`);
      for (const name of names([...PLAN_ONLY_FILE_SUFFIXES, ...LIBRARY_FILE_SUFFIXES]))
        assert.ok(!pattern.test(name), `${item.command} is not offered on ${name}`);
    }
  });

  it('contributes exactly the public commands of the command map, and the client registers every command of it', () => {
    const contributed = contributes.commands.map((command) => command.command).sort();
    assert.deepEqual(contributed, Object.values(COMMANDS).sort());
    const clientSource = filesUnder('client/src')
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    for (const [group, ids] of Object.entries({ COMMANDS, INTERNAL_COMMANDS, LENS_COMMANDS })) {
      for (const key of Object.keys(ids)) {
        assert.ok(clientSource.includes(`registerCommand(${group}.${key},`), `no code in client/src registers ${group}.${key}`);
      }
    }
    assert.deepEqual([...clientSource.matchAll(/registerCommand\('/g)], [], 'commands are registered by their id in client/src/commandIds.ts');
  });

  it('names plan files with the one pattern the server watches and the CLI finds', () => {
    assert.deepEqual(
      contributes.languages[0]!.filenamePatterns,
      PLAN_FILE_GLOBS.map((glob) => glob.replace('**/', '')),
    );
    // Plans, libraries and portfolios each get their own JSON Schema for the YAML extension.
    assert.deepEqual(
      contributes.yamlValidation.flatMap((validation) => validation.fileMatch),
      contributes.languages[0]!.filenamePatterns,
    );
    assert.deepEqual(
      contributes.yamlValidation.map((validation) => validation.url),
      ['./schema/plan.schema.json', './schema/plan-library.schema.json', './schema/portfolio.schema.json'],
    );
    const workspaceContains = manifest.activationEvents
      .filter((event) => event.startsWith('workspaceContains:'))
      .map((event) => event.slice('workspaceContains:'.length));
    assert.deepEqual(workspaceContains, [...PLAN_FILE_GLOBS]);
  });

  it('points at files that exist', () => {
    const paths = [
      manifest.icon,
      ...contributes.languages.map((language) => language.configuration),
      ...contributes.grammars.map((grammar) => grammar.path),
      ...contributes.snippets.map((snippet) => snippet.path),
      ...contributes.yamlValidation.map((validation) => validation.url),
    ];
    for (const path of paths) assert.ok(existsSync(path), `${path} exists`);
    // `main` is the esbuild bundle of client/src/extension.ts, `browser` (the web extension:
    // vscode.dev, github.dev) the one of client/src/web/extension.ts (scripts/build.mjs).
    assert.equal(manifest.main, './out/extension.js');
    assert.ok(existsSync('client/src/extension.ts'));
    assert.equal(manifest.browser, './out/web/extension.js');
    assert.ok(existsSync('client/src/web/extension.ts'));
  });

  it('ties the language, its grammar, snippets and activation together', () => {
    assert.deepEqual(
      contributes.languages.map((language) => language.id),
      [LANGUAGE],
    );
    assert.deepEqual(contributes.languages[0]!.filenamePatterns, [
      '*.plan.yaml',
      '*.plan.yml',
      '*.plan-library.yaml',
      '*.plan-library.yml',
      '*.portfolio.yaml',
      '*.portfolio.yml',
    ]);
    const [grammar] = contributes.grammars;
    assert.equal(grammar?.language, LANGUAGE);
    assert.equal((JSON.parse(readFileSync(grammar.path, 'utf8')) as { scopeName: string }).scopeName, grammar.scopeName);
    assert.ok(contributes.snippets.every((snippet) => snippet.language === LANGUAGE));
    assert.ok(manifest.activationEvents.includes(`onLanguage:${LANGUAGE}`));
    assert.ok(manifest.activationEvents.includes('workspaceContains:**/*.plan.yaml'));
  });

  it('offers every rule in throughline.rules, with its summary and the five severities', () => {
    const setting = contributes.configuration.properties['throughline.rules'];
    assert.ok(setting?.properties);
    assert.deepEqual(
      Object.keys(setting.properties),
      rules.map((rule) => rule.name),
    );
    for (const rule of rules) {
      const property: Setting = setting.properties[rule.name]!;
      assert.deepEqual(property.enum, ['error', 'warning', 'info', 'hint', 'off']);
      assert.equal(property.default, rule.defaultSeverity);
      assert.ok(property.markdownDescription?.includes(rule.summary), `${rule.name} is described by its summary`);
    }
  });

  it('describes every setting', () => {
    const { properties } = contributes.configuration;
    for (const name of ['throughline.rules', 'throughline.trace.server', 'throughline.diagnostics.debounceMs', 'throughline.format.sortKeys']) {
      const setting = properties[name];
      assert.ok(setting && (setting.markdownDescription ?? setting.description), `${name} is described`);
    }
    assert.deepEqual(properties['throughline.trace.server']!.enum, ['off', 'messages', 'verbose']);
  });

  it('maps every semantic token type the server sends, and its own modifier, to TextMate scopes themes colour', () => {
    const raw = JSON.parse(readFileSync('package.json', 'utf8')) as {
      contributes: {
        semanticTokenScopes: { language: string; scopes: Record<string, string[]> }[];
        semanticTokenModifiers: { id: string; description: string }[];
      };
    };
    const [mapping] = raw.contributes.semanticTokenScopes;
    assert.equal(mapping?.language, LANGUAGE);
    for (const type of SEMANTIC_TOKENS_LEGEND.tokenTypes) assert.ok(mapping!.scopes[type]?.length, `${type} has a scope`);
    const standard = new Set([
      'declaration',
      'definition',
      'readonly',
      'static',
      'deprecated',
      'abstract',
      'async',
      'modification',
      'documentation',
      'defaultLibrary',
    ]);
    const custom = SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((modifier) => !standard.has(modifier));
    assert.deepEqual(
      raw.contributes.semanticTokenModifiers.map((modifier) => modifier.id),
      custom,
    );
    for (const modifier of custom)
      assert.ok(
        mapping!.scopes[`*.${modifier}`]?.some((scope) => scope.startsWith('invalid.')),
        `${modifier} is coloured as a problem`,
      );
  });

  it('declares the workspace-trust and virtual-workspace capabilities', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.ok(manifest.capabilities.untrustedWorkspaces.description);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });
});

describe('language configuration', () => {
  const configuration = JSON.parse(readFileSync('language-configuration.json', 'utf8')) as {
    comments: { lineComment: string };
    wordPattern: string;
    onEnterRules: { beforeText: string; action: { indent: string; appendText?: string } }[];
  };

  it('comments with # and keeps an id with dashes, dots and underscores one word', () => {
    assert.equal(configuration.comments.lineComment, '#');
    const words = (text: string) => text.match(new RegExp(configuration.wordPattern, 'g'));
    assert.deepEqual(words('depends_on: [paid-search, q3.launch_2]'), ['depends_on', 'paid-search', 'q3.launch_2']);
  });

  it('indents after a key that opens a block, not after a key with a value or a comment line', () => {
    const indentsAfter = (line: string) => configuration.onEnterRules.find((rule) => new RegExp(rule.beforeText).test(line))?.action;
    assert.equal(indentsAfter('channels:')?.indent, 'indent');
    assert.equal(indentsAfter('  seo:   # owned search')?.indent, 'indent');
    assert.equal(indentsAfter('    depends_on:')?.indent, 'indent');
    assert.equal(indentsAfter('    owner: SEO lead'), undefined);
    assert.equal(indentsAfter('# channels:'), undefined);
    // `- key: value` continues the same mapping, aligned with its first key.
    assert.deepEqual(indentsAfter('  - stage: aware'), { indent: 'none', appendText: '  ' });
  });
});

describe('snippets', () => {
  interface Snippet {
    prefix: string | string[];
    body: string[];
    description: string;
  }
  const snippets = JSON.parse(readFileSync('snippets/marketing-plan.json', 'utf8')) as Record<string, Snippet>;
  const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2026', CURRENT_MONTH: '05', CURRENT_DATE: '01' };

  /** The text a snippet inserts when every placeholder keeps its default (first choice). */
  function expand(snippet: Snippet): string {
    const text = snippet.body.join('\n').replace(/\$([A-Z_]+)/g, (_, name: string) => {
      const value = VARIABLES[name];
      assert.ok(value, `snippet variable ${name} is known to the test`);
      return value;
    });
    const defaults = new Map([...text.matchAll(/\$\{(\d+):([^}]*)\}/g)].map((match) => [match[1]!, match[2]!]));
    return text
      .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, _n, choices: string) => choices.split(',')[0]!)
      .replace(/\$\{(\d+):([^}]*)\}/g, (_, _n, value: string) => value)
      .replace(/\$\{(\d+)\}|\$(\d+)/g, (_, braced?: string, bare?: string) => defaults.get((braced ?? bare)!) ?? '');
  }
  const indent = (text: string, spaces: number) =>
    text
      .split('\n')
      .map((line) => (line ? ' '.repeat(spaces) + line : line))
      .join('\n');
  const structuralProblems = (text: string) =>
    analyzeText(text)
      .diagnostics.filter((diagnostic) => diagnostic.code === 'yaml-syntax' || diagnostic.code === 'schema')
      .map((diagnostic) => `${diagnostic.code} line ${diagnostic.range.start.line + 1}: ${diagnostic.message}`);
  const snippet = (name: string) => {
    const found = snippets[name];
    assert.ok(found, `snippet ${name}`);
    return found;
  };

  it('have a prefix, a body and a description each', () => {
    assert.deepEqual(Object.keys(snippets).sort(), ['Channel', 'Dependency', 'KPI', 'Measure', 'New plan']);
    for (const [name, { prefix, body, description }] of Object.entries(snippets)) {
      assert.ok(prefix.length > 0 && body.length > 0 && description.length > 0, name);
    }
  });

  it('offer as choices exactly the values of an enum of the language', () => {
    const enums = [channelTypes, channelModes, dependencyKinds, attributionModels, cadences, media].map((values) => [...values].sort().join(','));
    for (const [name, { body }] of Object.entries(snippets)) {
      for (const match of body.join('\n').matchAll(/\$\{\d+\|([^|]*)\|\}/g)) {
        assert.ok(enums.includes(match[1]!.split(',').sort().join(',')), `${name}: choices ${match[1]} are an enum of the schema`);
      }
    }
  });

  it('write a new plan that passes every rule', () => {
    const text = expand(snippet('New plan'));
    assert.deepEqual(
      analyzeText(text).diagnostics.map((d) => `${d.code} line ${d.range.start.line + 1}: ${d.message}`),
      [],
    );
  });

  it('write a channel, a KPI, a measure and a dependency the schema accepts, where they belong', () => {
    const base = 'plan: Snippets\nobjective: { id: objective-id, target: 1, deadline: 2026-12-31 }\n';
    const channelPlan = `${base}channels:\n${indent(expand(snippet('Channel')), 2)}`;
    assert.deepEqual(structuralProblems(channelPlan), []);
    const channel = analyzeText(channelPlan).model.channels.get('channel-id');
    assert.equal(channel?.type?.value, 'paid');
    assert.equal(channel?.start?.value, '2026-05-01');

    const kpiPlan = `${base}kpis:\n${indent(expand(snippet('KPI')), 2)}`;
    assert.deepEqual(structuralProblems(kpiPlan), []);
    const kpi = analyzeText(kpiPlan).model.kpis.get('kpi-id');
    assert.equal(kpi?.tracesTo?.value, 'objective-id');
    assert.equal(kpi?.measure?.cadence?.value, 'weekly');

    const measurePlan = `${base}kpis:\n  signups:\n    traces_to: objective-id\n${indent(expand(snippet('Measure')), 4)}`;
    assert.deepEqual(structuralProblems(measurePlan), []);
    assert.equal(analyzeText(measurePlan).model.kpis.get('signups')?.measure?.source?.value, 'GA4');

    const dependencyPlan = `${base}channels:\n  channel-id: { type: owned, mode: inbound, start: 2026-05-01, end: 2026-05-31 }\n  paid:\n    type: paid\n    mode: outbound\n    start: 2026-06-15\n    end: 2026-07-31\n    depends_on:\n${indent(expand(snippet('Dependency')), 6)}`;
    assert.deepEqual(structuralProblems(dependencyPlan), []);
    const [dependency] = analyzeText(dependencyPlan).model.channels.get('paid')?.dependsOn ?? [];
    assert.equal(dependency?.on.value, 'channel-id');
    assert.equal(dependency?.kind, 'finish-to-start');
    assert.equal(dependency?.lagDays, 7);
  });
});

describe('.vsix contents (.vscodeignore)', () => {
  it('packages the bundles and the static contributions, and no sources, tests, maps or node_modules', async () => {
    const { listFiles, PackageManager } = await import('@vscode/vsce');
    const files = await listFiles({ cwd: process.cwd(), packageManager: PackageManager.None });
    for (const needed of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'language-configuration.json',
      manifest.icon,
      'syntaxes/marketing-plan.tmLanguage.json',
      'snippets/marketing-plan.json',
      'schema/plan.schema.json',
      'schema/plan-library.schema.json',
      'schema/portfolio.schema.json',
    ]) {
      assert.ok(files.includes(needed), `${needed} is packaged`);
    }
    for (const bundle of ['out/extension.js', 'out/server.js', 'out/web/extension.js', 'out/web/server.js']) {
      if (existsSync(bundle)) assert.ok(files.includes(bundle), `${bundle} is packaged`);
    }
    // Each rule's page, where docs/rules/ has one, ships with the extension.
    for (const rule of Object.keys(contributes.configuration.properties['throughline.rules']?.properties ?? {})) {
      const page = `docs/rules/${rule}.md`;
      if (existsSync(page)) assert.ok(files.includes(page), `${page} is packaged`);
    }
    const allowed =
      /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|language-configuration\.json|images\/icon\.png|syntaxes\/[^/]+\.tmLanguage\.json|snippets\/[^/]+\.json|schema\/(plan|plan-library|portfolio)\.schema\.json|docs\/rules\/[^/]+\.md|docs\/plan-language\.md|out\/(web\/)?(extension|server)\.js|media\/.+)$/;
    for (const file of files) {
      assert.match(file, allowed, `${file} should not be in the .vsix`);
      assert.doesNotMatch(file, /\.(map|ts)$|node_modules\//, `${file} should not be in the .vsix`);
    }
  });
});
