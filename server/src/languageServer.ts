import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  COMPLETION_TRIGGER_CHARACTERS,
  codeActions,
  codeLenses,
  completion,
  definition,
  documentHighlights,
  documentLinks,
  documentSymbols,
  exportResult,
  foldingRanges,
  hover,
  inlayHints,
  isExportFormat,
  prepareRename,
  workspaceReferences,
  workspaceRename,
  SEMANTIC_TOKENS_LEGEND,
  semanticTokens,
  rescheduleActions,
  rescheduleData,
  rescheduleResult,
  resolveRescheduleAction,
  RESCHEDULE_DEPENDANTS_KIND,
  RESCHEDULE_PLAN_KIND,
  timelineResult,
  isPortfolioFileName,
  portfolioTimelineInput,
  portfolioTimelineResult,
  workspaceSymbols,
  AnalysisOptionsSource,
  CONFIG_FILE_GLOB,
  CONFIG_FILE_NAME,
  ConfigLookup,
  displayUri,
  isLibraryFileName,
  isLinkedFileUri,
  LINKED_FILE_GLOB,
  LinkedFileStore,
  PLAN_FILE_GLOBS,
  type Diagnostic,
  type PlanDocument,
  type RefactorAction,
  type RescheduleActionOptions,
  type WorkspaceDocuments,
  type WorkspaceHost,
} from './core/index.js';
import { DiagnosticsPublisher, publishable } from './diagnosticsPublisher.js';
import { DocumentCache } from './documentCache.js';
import { Formatting } from './formatting.js';
import { guardNotification, guardRequest, invalidParams, requestFailed, type Logger } from './guard.js';
import { SemanticTokenResults } from './semanticTokenResults.js';
import { positionParam, rangeParam, stringParam } from './params.js';
import {
  ExportRequest,
  PortfolioTimelineRequest,
  RescheduleRequest,
  TimelineRequest,
  type ExportParams,
  type PortfolioTimelineParams,
  type TimelineParams,
} from './protocol.js';
import { defaultSettings, readEditorSettings, type EditorSettings } from './settings.js';
import { WorkspacePlans } from './workspacePlans.js';

export interface LanguageServerOptions {
  /** Wraps every request handler: the Node entry passes the test-only slow-request switch (node/testSlowdown.ts). */
  wrapRequestHandler?: <P, R>(method: string, handler: (params: P) => R) => (params: P) => R | Promise<R>;
  /** A full garbage collection, where the runtime offers one (the Node entry: node/memory.ts); heap in use before and after, in bytes. */
  collectGarbage?: () => { before: number; after: number };
}

/** Plans checked in one go after which the garbage their previous analyses left is collected at once. */
const BULK_WORK = 50;

/**
 * Wires the core's features to a connection. Every handler is one call into the core, behind
 * one guard; files are read, plans found and config files looked up through the host.
 */
export function startLanguageServer(connection: Connection, log: Logger, host: WorkspaceHost, serverOptions: LanguageServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  let settings: EditorSettings = defaultSettings();
  let capabilities: InitializeParams['capabilities'] = {};
  /** Client-side commands the client said it can run (`initializationOptions.clientCommands`), for code lenses that act. */
  let clientCommands: ReadonlySet<string> = new Set();
  // A broken .throughline.yaml is shown to the user once per problem, not only logged: the
  // plan quietly falls back to default severities, which is easy to miss otherwise.
  const configProblemsShown = new Set<string>();
  const warnConfig = ({ configUri, problem }: { configUri: string; problem: string }) => {
    const path = displayUri(configUri);
    log.warn(`${path}: ${problem}`);
    const key = `${path}\u0000${problem}`;
    if (configProblemsShown.has(key)) return;
    configProblemsShown.add(key);
    void connection.window.showWarningMessage(`Throughline: ${path}: ${problem}`);
  };
  const configLookup = new ConfigLookup(host, warnConfig);
  // The files plans reference (actuals CSVs), read through the host, an open editor's text first.
  const linked = new LinkedFileStore(host);
  const options = new AnalysisOptionsSource(
    host,
    configLookup,
    () => settings.rules,
    () => ({ files: linked.snapshot(), pacing: settings.pacing }),
  );
  /**
   * A plan's config file is looked up, and the files it references read, before its first
   * diagnostics; requests meanwhile use the defaults. An edit is not parsed here: the files
   * its previous version referenced are known, and a newly named file is read after the
   * first diagnostics without it (`linkedPublished`).
   */
  const prepare = async (uri: string) => {
    await options.optionsFor(uri);
    const document = documents.get(uri);
    const known = cache.peek(uri) ?? (document ? analyze(document) : undefined);
    if (!known) return;
    // An open plan is analyzed again until the libraries its libraries import are read too.
    if (document) await linked.loadAll(known.analysis, () => analyze(document).analysis);
    else await linked.loadMissing(known.analysis);
  };
  let generation = 0;

  const cache = new DocumentCache(
    // Rule links only for clients that show them (`publishDiagnostics.codeDescriptionSupport`).
    (uri) => ({ ...options.knownOptionsFor(uri), ruleLinks: capabilities.textDocument?.publishDiagnostics?.codeDescriptionSupport === true }),
    (uri, version, milliseconds, parse) => {
      if (settings.trace !== 'verbose') return;
      const how = parse ? ` (${parse.mode} parse: ${parse.reparsed} re-parsed, ${parse.reused} reused)` : '';
      log.info(`analyzed ${uri} version ${version} in ${milliseconds.toFixed(1)} ms${how}`);
    },
  );
  const analyze = (document: TextDocument): PlanDocument => cache.forOpen(document.uri, document.version, () => document.getText());
  /** Publishes the diagnostics of the files a plan references (merged over every plan reading them), and reads files it names that are not read yet. */
  const linkedPublished = (uri: string, doc: PlanDocument | undefined) => {
    const files = doc ? linked.record(uri, doc.analysis) : linked.forget(uri);
    if (doc && !documents.get(uri)) linked.rememberPortfolioMember(uri, doc.analysis);
    for (const file of files) void connection.sendDiagnostics({ uri: file, diagnostics: publishable(linked.diagnosticsOf(file)) });
    // A portfolio's member plan open in an editor: its unsaved text is what the portfolio sees.
    let memberChanged = false;
    for (const member of doc?.analysis.portfolio?.named ?? []) {
      const open = documents.get(member);
      if (open && !linked.isOpenText(member, open.getText())) {
        linked.setOpen(member, open.getText());
        memberChanged = true;
      }
    }
    if (memberChanged) void Promise.resolve().then(() => recheck(uri));
    else if (doc && documents.get(uri)) void linked.loadMissing(doc.analysis).then((loaded) => loaded && publisher.now(uri));
  };
  const publisher = new DiagnosticsPublisher(
    connection,
    documents,
    analyze,
    () => settings.diagnosticsDelay,
    (uri) => `${generation}:${JSON.stringify(options.knownOptionsFor(uri))}`,
    log,
    linkedPublished,
  );
  const formatting = new Formatting(connection, () => settings.sortKeys);
  /** The `format:` settings of the plan's `.throughline.yaml`, looked up through the host before formatting. */
  const formatSettingsOf = (params: { textDocument?: { uri?: unknown } } | null | undefined) =>
    configLookup.formatFor(stringParam(params?.textDocument?.uri, 'textDocument.uri'));
  const tokenResults = new SemanticTokenResults();
  const workspace = new WorkspacePlans(
    connection,
    host,
    cache,
    (uri) => documents.get(uri) !== undefined,
    prepare,
    log,
    (doc) => linked.loadMissing(doc.analysis),
    linkedPublished,
    (uri) => {
      if (settings.trace === 'verbose') log.info(`read ${uri}`);
    },
  );
  /** Checks a plan (or portfolio) again because a file it reads changed: now when open, from the text last read when not. */
  const recheck = async (plan: string, soon = false) => {
    if (documents.get(plan)) {
      if (soon) publisher.later(plan);
      else publisher.now(plan);
    } else await workspace.dependencyChanged(plan);
  };
  /** A referenced file changed (on disk or in an editor): check the plans that read it again. */
  const linkedFileChanged = (file: string, soon: boolean) =>
    bulkWork(async () => {
      for (const plan of linked.dependants(file)) await recheck(plan, soon);
    });

  /**
   * Re-checking many closed plans replaces as many analyses that lived long enough to be in
   * V8's old generation; V8 lets that garbage grow the heap, by tens of MB per library edit,
   * before it collects it. So after such work (and after the diagnostics are sent) the
   * server collects it at once, keeping its memory near what it holds.
   */
  let collectionScheduled = false;
  const bulkWork = async (work: () => Promise<void>) => {
    const before = workspace.checkedCount;
    await work();
    const plans = workspace.checkedCount - before;
    const collect = serverOptions.collectGarbage;
    if (!collect || plans < BULK_WORK || collectionScheduled) return;
    collectionScheduled = true;
    setTimeout(() => {
      collectionScheduled = false;
      const started = performance.now();
      const heap = collect();
      const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
      if (settings.trace === 'verbose')
        log.info(`checked ${plans} plans: collected garbage in ${Math.round(performance.now() - started)} ms, heap ${mb(heap.before)} → ${mb(heap.after)} MB`);
    }, 0);
  };

  const openDoc = (uri: unknown): PlanDocument | undefined => {
    const document = typeof uri === 'string' && !isLinkedFileUri(uri) ? documents.get(uri) : undefined;
    return document && analyze(document);
  };
  /** The open document a request names; an unknown one is answered as a failed request, a referenced data file (CSV) with no result. */
  const doc = (params: { textDocument?: { uri?: unknown } } | null | undefined): PlanDocument => {
    const uri = stringParam(params?.textDocument?.uri, 'textDocument.uri');
    if (isLinkedFileUri(uri) && documents.get(uri)) throw new NotAPlan();
    const found = openDoc(uri);
    if (!found) throw requestFailed(`${uri} is not open: open it before asking about it`);
    return found;
  };
  /** Every analysed plan and library, for references and rename across files: the open documents at their current version, then the workspace scan's. */
  const workspaceDocuments: WorkspaceDocuments = {
    documents: () => {
      for (const document of documents.all()) if (!isLinkedFileUri(document.uri)) analyze(document);
      return cache.all();
    },
  };
  // Diagnostics wait for the editor's settings (or 3 s, for a client that never says `initialized`).
  let settingsLoaded!: () => void;
  const settingsReady = new Promise<void>((resolve) => {
    settingsLoaded = resolve;
    // Node would otherwise wait for the timer before exiting; a browser's timers have no unref.
    const timer: { unref?: () => void } = setTimeout(resolve, 3000);
    timer.unref?.();
  });
  const slowedForTests = serverOptions.wrapRequestHandler ?? ((_method, handler) => handler);
  // A handler may answer later (a promise); the guard awaits it, so the answer's type is what it resolves to.
  const request = <P, R>(method: string, handler: (params: P) => R) =>
    guardRequest(
      log,
      method,
      slowedForTests(method, (params: P) => {
        try {
          return handler(params);
        } catch (error) {
          if (error instanceof NotAPlan) return null;
          throw error;
        }
      }) as (params: P) => Awaited<R> | Promise<Awaited<R>>,
    );
  const notification = <P>(method: string, handler: (params: P) => void | Promise<void>) => guardNotification(log, method, handler);

  const reanalyzeEverything = async () => {
    generation++;
    cache.settingsChanged();
    for (const document of documents.all()) {
      if (isLinkedFileUri(document.uri)) continue;
      await prepare(document.uri);
      publisher.now(document.uri);
    }
    await bulkWork(() => workspace.recheck());
  };

  const loadSettings = async (pushed?: unknown) => {
    const value = capabilities.workspace?.configuration ? await connection.workspace.getConfiguration({ section: 'throughline' }) : pushed;
    const next = readEditorSettings(value, settings);
    const before = JSON.stringify(settings.problems);
    settings = next;
    for (const problem of next.problems) log.warn(problem);
    if (next.problems.length > 0 && JSON.stringify(next.problems) !== before)
      void connection.window.showWarningMessage(`Throughline settings: ${next.problems.join('; ')}`);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities ?? {};
    const initial = (params.initializationOptions ?? {}) as { diagnosticsDelay?: unknown; clientCommands?: unknown };
    if (Array.isArray(initial.clientCommands)) clientCommands = new Set(initial.clientCommands.filter((command) => typeof command === 'string'));
    if (typeof initial.diagnosticsDelay === 'number' && initial.diagnosticsDelay >= 0) settings = defaultSettings(initial.diagnosticsDelay);
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.setFolders(folders);
    return { capabilities: serverCapabilities(capabilities), serverInfo: { name: 'throughline-language-server' } };
  });

  connection.onInitialized(
    notification('initialized', async () => {
      if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: 'throughline' });
      }
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [...PLAN_FILE_GLOBS, CONFIG_FILE_GLOB, LINKED_FILE_GLOB].map((globPattern) => ({ globPattern })),
        });
      }
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          notification('workspace/didChangeWorkspaceFolders', async (event) => {
            workspace.removeFolders(event.removed.map((folder) => folder.uri));
            await bulkWork(() => workspace.addFolders(event.added.map((folder) => folder.uri)));
          }),
        );
      }
      try {
        await loadSettings();
      } finally {
        settingsLoaded();
      }
      await reanalyzeEverything();
      await bulkWork(() => workspace.scan());
    }),
  );

  connection.onDidChangeConfiguration(
    notification('workspace/didChangeConfiguration', async (params) => {
      await loadSettings((params.settings as { throughline?: unknown } | null)?.throughline);
      await reanalyzeEverything();
    }),
  );

  connection.onDidChangeWatchedFiles(
    notification('workspace/didChangeWatchedFiles', async (params) => {
      let configChanged = false;
      for (const change of params.changes) {
        if (change.uri.endsWith(`/${CONFIG_FILE_NAME}`)) configChanged = true;
        else if (isLinkedFileUri(change.uri)) {
          if (!documents.get(change.uri) && (await linked.changedOnDisk(change.uri))) await linkedFileChanged(change.uri, false);
        } else {
          // A library or a portfolio's member plan is a file of its own and a file others read: both are checked again.
          if (!documents.get(change.uri) && (await linked.changedOnDisk(change.uri))) await linkedFileChanged(change.uri, false);
          // A plan created or deleted may be matched by a portfolio's glob.
          if (change.type !== FileChangeType.Changed) for (const portfolio of linked.planAddedOrRemoved(change.uri)) await recheck(portfolio);
          if (change.type === FileChangeType.Deleted) workspace.removed(change.uri);
          else await workspace.refresh(change.uri);
        }
      }
      if (configChanged) {
        configLookup.forget();
        await reanalyzeEverything();
      }
    }),
  );

  documents.onDidOpen(
    notification('textDocument/didOpen', async (event) => {
      if (isLinkedFileUri(event.document.uri)) return;
      await settingsReady;
      await prepare(event.document.uri);
      publisher.now(event.document.uri);
    }),
  );
  // Fires on open too; like the open, it waits for the settings before anything is published.
  documents.onDidChangeContent(
    notification('textDocument/didChange', async (event) => {
      if (isLinkedFileUri(event.document.uri)) {
        // A CSV open in the editor: its text is what the plans reading it see, saved or not.
        linked.setOpen(event.document.uri, event.document.getText());
        return linkedFileChanged(event.document.uri, true);
      }
      if (isLibraryFileName(event.document.uri) || linked.isReferenced(event.document.uri)) {
        // A library's (or a portfolio's member plan's) unsaved text is what the files reading it see.
        linked.setOpen(event.document.uri, event.document.getText());
        await linkedFileChanged(event.document.uri, true);
      }
      await settingsReady;
      await prepare(event.document.uri);
      publisher.later(event.document.uri);
    }),
  );
  documents.onDidClose(
    notification('textDocument/didClose', async (event) => {
      const { uri } = event.document;
      if (isLinkedFileUri(uri)) {
        await linked.closeOpen(uri);
        return linkedFileChanged(uri, false);
      }
      if (isLibraryFileName(uri) || linked.isReferenced(uri)) {
        await linked.closeOpen(uri);
        await linkedFileChanged(uri, false);
      }
      publisher.forget(uri);
      formatting.forget(uri);
      tokenResults.forget(uri);
      cache.close(uri);
      // A workspace plan shows its on-disk diagnostics again; any other document is cleared.
      if (workspace.has(uri)) await workspace.refresh(uri);
      else {
        await connection.sendDiagnostics({ uri, diagnostics: [] });
        linkedPublished(uri, undefined);
      }
    }),
  );

  connection.onCompletion(
    request('textDocument/completion', (params) =>
      completion(doc(params), positionParam(params.position), {
        snippets: snippetSupport(capabilities),
        markup: markupOf(capabilities.textDocument?.completion?.completionItem?.documentationFormat),
      }),
    ),
  );
  connection.onHover(
    request('textDocument/hover', (params) =>
      hover(doc(params), positionParam(params.position), {
        markup: markupOf(capabilities.textDocument?.hover?.contentFormat),
        // A portfolio's member plan: its latest diagnostics, open in an editor or read from disk.
        problemCount: (uri) => cache.peek(uri)?.analysis.diagnostics.length,
      }),
    ),
  );
  connection.onDefinition(request('textDocument/definition', (params) => definition(doc(params), positionParam(params.position))));
  connection.onReferences(
    request('textDocument/references', (params) =>
      workspaceReferences(doc(params), positionParam(params.position), params.context?.includeDeclaration !== false, workspaceDocuments),
    ),
  );
  connection.onPrepareRename(request('textDocument/prepareRename', (params) => prepareRename(doc(params), positionParam(params.position))));
  connection.onRenameRequest(
    request('textDocument/rename', (params) =>
      renamed(workspaceRename(doc(params), positionParam(params.position), stringParam(params.newName, 'newName'), workspaceDocuments)),
    ),
  );
  connection.onDocumentSymbol(request('textDocument/documentSymbol', (params) => documentSymbols(doc(params))));
  connection.onWorkspaceSymbol(request('workspace/symbol', (params) => workspaceSymbols(cache.all(), typeof params.query === 'string' ? params.query : '')));
  connection.onFoldingRanges(request('textDocument/foldingRange', (params) => foldingRanges(doc(params))));
  connection.onCodeLens(request('textDocument/codeLens', (params) => codeLenses(doc(params), { clientCommands })));
  connection.languages.inlayHint.on(request('textDocument/inlayHint', (params) => inlayHints(doc(params), rangeParam(params.range))));
  connection.onCodeAction(
    request('textDocument/codeAction', (params) => {
      const document = doc(params);
      const range = rangeParam(params.range);
      return [
        ...codeActions(document, range, clientDiagnostics(params.context?.diagnostics)),
        ...rescheduleActions(document, range, refactorOptions(capabilities, params.context)),
      ];
    }),
  );
  connection.onCodeActionResolve(
    request('codeAction/resolve', (action) => {
      const document = openDoc(rescheduleData(action?.data)?.uri);
      if (!document) return action;
      const resolved = resolveRescheduleAction(document, action as RefactorAction & { data?: unknown });
      if (resolved.refused) void connection.window.showWarningMessage(`Throughline: ${resolved.refused}`);
      return resolved.action as typeof action;
    }),
  );
  connection.onRequest(
    RescheduleRequest,
    request(RescheduleRequest.method, (params) => rescheduleResult(openDoc(params?.uri), params)),
  );
  connection.languages.semanticTokens.on(request('textDocument/semanticTokens/full', (params) => tokenResults.full(doc(params))));
  connection.languages.semanticTokens.onDelta(
    request('textDocument/semanticTokens/full/delta', (params) => tokenResults.delta(doc(params), params.previousResultId)),
  );
  connection.languages.semanticTokens.onRange(request('textDocument/semanticTokens/range', (params) => semanticTokens(doc(params), rangeParam(params.range))));
  connection.onDocumentLinks(request('textDocument/documentLink', (params) => documentLinks(doc(params))));
  connection.onDocumentHighlight(request('textDocument/documentHighlight', (params) => documentHighlights(doc(params), positionParam(params.position))));
  connection.onDocumentFormatting(
    request('textDocument/formatting', async (params) => {
      const fromFile = await formatSettingsOf(params);
      return formatting.document(doc(params), fromFile, params.options);
    }),
  );
  connection.onDocumentRangeFormatting(
    request('textDocument/rangeFormatting', async (params) => {
      const fromFile = await formatSettingsOf(params);
      return formatting.range(doc(params), rangeParam(params.range), fromFile, params.options);
    }),
  );
  connection.onRequest(
    TimelineRequest,
    request(TimelineRequest.method, (params: TimelineParams) => timelineResult(openDoc(params?.uri), params)),
  );

  connection.onRequest(
    PortfolioTimelineRequest,
    request(PortfolioTimelineRequest.method, async (params: PortfolioTimelineParams) => {
      const document = typeof params?.uri === 'string' && isPortfolioFileName(params.uri) ? documents.get(params.uri) : undefined;
      if (!document) return null;
      // Member plans (and the folders its globs search) not read yet are read first.
      await linked.loadAll(analyze(document).analysis, () => analyze(document).analysis);
      const doc = analyze(document);
      const portfolio = doc.analysis.portfolio;
      if (!portfolio) return null;
      // Problem counts of the member plans the server has analyzed (open, or checked on disk).
      const problemsOf = (uri: string) => cache.peek(uri)?.analysis.diagnostics.length;
      return portfolioTimelineResult(doc.uri, portfolioTimelineInput(portfolio, problemsOf), params);
    }),
  );

  connection.onRequest(
    ExportRequest,
    request('throughline/export', (params: ExportParams) => {
      if (!isExportFormat(params?.format)) throw invalidParams(`format: ics, csv, svg or html, not ${JSON.stringify(params?.format)}`);
      return exportResult(openDoc(params.uri), params);
    }),
  );

  connection.onShutdown(() => {
    publisher.dispose();
    workspace.stop();
  });

  documents.listen(connection);
}

/** A request about a referenced data file (a CSV open in the editor): answered with no result. */
class NotAPlan extends Error {}

function snippetSupport(client: InitializeParams['capabilities']): boolean {
  return client.textDocument?.completion?.completionItem?.snippetSupport === true;
}

/** Markdown only for a client that lists it among the formats it shows (an absent list promises nothing). */
function markupOf(formats: unknown): 'markdown' | 'plaintext' {
  return Array.isArray(formats) && formats.includes('markdown') ? 'markdown' : 'plaintext';
}

/** The client's diagnostics, as sent: `codeActions` checks each one against the current analysis. */
function clientDiagnostics(value: unknown): Diagnostic[] {
  return Array.isArray(value) ? (value as Diagnostic[]) : [];
}

/** What the client's capabilities and the request's context allow the rescheduling actions. */
function refactorOptions(client: InitializeParams['capabilities'], context: unknown): RescheduleActionOptions {
  const { only, triggerKind } = (typeof context === 'object' && context !== null ? context : {}) as { only?: unknown; triggerKind?: unknown };
  const workspaceEdit = client.workspace?.workspaceEdit;
  return {
    documentChanges: workspaceEdit?.documentChanges === true,
    changeAnnotations: workspaceEdit?.documentChanges === true && workspaceEdit.changeAnnotationSupport !== undefined,
    disabledSupport: client.textDocument?.codeAction?.disabledSupport === true,
    only: Array.isArray(only) ? only.filter((kind): kind is string => typeof kind === 'string') : undefined,
    automatic: triggerKind === 2,
    resolveEdits: client.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
  };
}

function renamed(result: ReturnType<typeof workspaceRename>) {
  if ('error' in result) throw requestFailed(result.error);
  return result.edit;
}

function serverCapabilities(client: InitializeParams['capabilities']): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: client.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
    documentSymbolProvider: { label: 'Throughline' },
    workspaceSymbolProvider: true,
    foldingRangeProvider: true,
    codeLensProvider: { resolveProvider: false },
    inlayHintProvider: true,
    codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite', RESCHEDULE_DEPENDANTS_KIND, RESCHEDULE_PLAN_KIND], resolveProvider: true },
    documentFormattingProvider: true,
    semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true }, range: true },
    documentLinkProvider: { resolveProvider: false },
    documentHighlightProvider: true,
    documentRangeFormattingProvider: true,
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
