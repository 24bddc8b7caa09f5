import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ExportRequest, OutlineRequest, RenderRequest, StatisticsRequest } from '../../common/protocol';
import { ConfigFiles } from './config-file';
import { DocumentAnalyses } from './documents';
import { checkRules } from './engine/config-check';
import { envLocale } from './locale';
import {
  buildModel,
  codeActions,
  completion,
  DOCUMENT_SIZE_LIMIT,
  COMPLETION_TRIGGERS,
  documentSymbols,
  exportReport,
  FIX_ALL_KIND,
  foldingRanges,
  formatEdits,
  hover,
  mergeConfig,
  outline,
  pageCss,
  renderDocument,
  setLanguage,
  statistics,
  t,
  workspaceSymbols,
  type Analysis,
  type EngineConfig,
} from './engine';
import { exportParams, outlineParams, renderParams, statisticsParams } from './request-params';
import { engineConfig, SettingsCache } from './settings';
import { WorkspaceIndex } from './workspace';

/** Rule documentation shipped beside the bundle: dist/../docs/rules/<id>.md. */
const DOCS_BASE = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules')).toString();

/** Wires LSP requests to the engine. Every handler: look up the document, call the engine, return. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsCache(connection);
  // REPORT_TRACE_ANALYSIS=1 logs every analysis run and its time (tests count them; the benchmark reads the times).
  const traceAnalysis = process.env['REPORT_TRACE_ANALYSIS'] === '1';
  const analyses = new DocumentAnalyses(traceAnalysis ? (a, ms) => connection.console.log(`analysed ${a.model.uri} v${a.model.version} in ${ms.toFixed(3)} ms`) : undefined);
  const configFiles = new ConfigFiles();
  const workspace = new WorkspaceIndex(configFiles);
  const pending = new Map<string, NodeJS.Immediate>();
  const reportedConfigProblems = new Set<string>();

  /**
   * What is wrong in a configuration (a .reportrc file, or the settings), said once per distinct
   * text: in the log, and as a message the editor shows. What is valid is still used.
   */
  const reportProblems = (where: string, problems: readonly string[]): void => {
    if (problems.length === 0) return;
    const text = `${where}: ${problems.join('; ')}`;
    if (reportedConfigProblems.has(text)) return;
    reportedConfigProblems.add(text);
    connection.console.warn(text);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: text });
  };

  /** Settings, then the nearest .reportrc.* on top (the project file wins, as in the CLI). */
  const configOf = async (uri: string): Promise<EngineConfig> => {
    const s = await settings.get(uri);
    reportProblems('report.rules', checkRules(s.rules).problems);
    const file = configFiles.forUri(uri);
    if (file) reportProblems(file.path, file.broken ? [...file.problems, t('the file is ignored')] : file.problems);
    return mergeConfig(engineConfig(s, DOCS_BASE), file?.config);
  };

  /** Runs a handler; a failure is logged and answered with a neutral result, never a crash. */
  const guard = <T>(name: string, fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      connection.console.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  };

  /** The analysis of a document's current version (run once per version and configuration). */
  const analysisOf = async (uri: string): Promise<Analysis | undefined> => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const config = await configOf(uri);
    const current = documents.get(uri);
    return current ? guard('analysis', undefined, () => analyses.analysis(current, config)) : undefined;
  };

  const validate = async (doc: TextDocument): Promise<void> => {
    const version = doc.version;
    const config = await configOf(doc.uri);
    // vscode-jsonrpc handles one queued message per event-loop turn: yield one turn so that a
    // change already waiting is applied first and this (stale) version is dropped, not analysed.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (documents.get(doc.uri)?.version !== version) return; // a newer version will be validated
    const analysis = guard('diagnostics', undefined, () => analyses.analysis(doc, config));
    await connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: analysis ? [...analysis.diagnostics] : [] });
  };

  /** Coalesces bursts of changes: only the latest version of a document is validated. */
  const schedule = (doc: TextDocument): void => {
    const prev = pending.get(doc.uri);
    if (prev) clearImmediate(prev);
    pending.set(
      doc.uri,
      setImmediate(() => {
        pending.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current) void validate(current).catch((e: unknown) => connection.console.error(String(e)));
      }),
    );
  };
  const revalidateAll = (): void => {
    analyses.invalidate();
    for (const doc of documents.all()) schedule(doc);
  };

  let configurationSupported = false;
  let foldersSupported = false;
  let registerConfiguration = false;
  let registerWatchers = false;
  connection.onInitialize((params): InitializeResult => {
    // Neovim sends no locale: the environment's, as the CLI does.
    setLanguage(params.locale ?? envLocale());
    const ws = params.capabilities.workspace;
    configurationSupported = ws?.configuration === true;
    settings.setSupported(configurationSupported);
    settings.setPushed(params.initializationOptions);
    // Only what the client says it can take is registered dynamically (eglot warns at every start otherwise).
    registerConfiguration = configurationSupported && ws?.didChangeConfiguration?.dynamicRegistration === true;
    registerWatchers = ws?.didChangeWatchedFiles?.dynamicRegistration === true;
    // Without file events, a .reportrc is checked for changes (mtime) whenever a document is validated.
    configFiles.verify = !registerWatchers;
    foldersSupported = ws?.workspaceFolders === true;
    workspace.setFolders((params.workspaceFolders ?? []).map((f) => f.uri).concat(params.workspaceFolders || !params.rootUri ? [] : [params.rootUri]));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Report' },
        foldingRangeProvider: true,
        workspaceSymbolProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        documentFormattingProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'report-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (foldersSupported) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => workspace.changeFolders(e.added.map((f) => f.uri), e.removed.map((f) => f.uri)));
    }
    if (registerConfiguration) {
      // Ask the client to tell us when `report.*` settings change.
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'report' }).catch(() => undefined);
    }
    if (registerWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.reportrc*' }] }).catch(() => {
        configFiles.verify = true; // refused: check the files' mtimes instead
      });
    }
  });

  connection.onDidChangeWatchedFiles(() => {
    configFiles.clear();
    reportedConfigProblems.clear();
    revalidateAll();
  });

  connection.onDidChangeConfiguration((params) => {
    settings.setPushed(params.settings);
    settings.clear();
    configFiles.clear();
    reportedConfigProblems.clear();
    revalidateAll();
  });

  documents.onDidOpen((e) => schedule(e.document));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    const p = pending.get(e.document.uri);
    if (p) clearImmediate(p);
    pending.delete(e.document.uri);
    settings.forget(e.document.uri);
    analyses.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDocumentSymbol((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? guard('documentSymbol', [], () => documentSymbols(analyses.model(doc), token)) : [];
  });

  connection.onFoldingRanges((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? guard('foldingRange', [], () => foldingRanges(analyses.model(doc), token)) : [];
  });

  connection.onWorkspaceSymbol(async (params, token) => {
    const others = await workspace.models(new Set(documents.all().map((d) => d.uri)), token);
    // The open documents' models are read after the wait: a change meanwhile builds a new version from
    // the model read before, which takes over its moved headings (ModelInput.takeOver).
    const open = documents.all().map((d) => analyses.model(d));
    const openUris = new Set(open.map((m) => m.uri));
    return guard('workspaceSymbol', [], () => workspaceSymbols([...open, ...others.filter((m) => !openUris.has(m.uri))], params.query, token));
  });

  connection.onCompletion((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? guard('completion', [], () => completion(analyses.model(doc), params.position, token)) : [];
  });

  connection.onHover(async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri);
    return analysis ? guard('hover', null, () => hover(analysis, params.position, token)) : null;
  });

  connection.onCodeAction(async (params, token) => {
    // Diagnostics sent back by the client are matched by rule and line (some send byte columns).
    const analysis = await analysisOf(params.textDocument.uri);
    const query = { range: params.range, diagnostics: params.context.diagnostics, ...(params.context.only ? { only: params.context.only } : {}) };
    return analysis ? guard('codeAction', [], () => codeActions(analysis, query, token)) : [];
  });

  connection.onDocumentFormatting((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? guard('formatting', [], () => formatEdits(analyses.model(doc), token)) : [];
  });

  connection.onRequest(OutlineRequest, (raw) => {
    const params = outlineParams(raw);
    const doc = documents.get(params.uri);
    return doc ? guard('outline', [], () => outline(analyses.model(doc))) : [];
  });

  connection.onRequest(StatisticsRequest, (raw) => {
    const params = statisticsParams(raw);
    const doc = documents.get(params.uri);
    return doc ? guard('statistics', null, () => statistics(analyses.model(doc))) : null;
  });

  connection.onRequest(RenderRequest, async (raw) => {
    const params = renderParams(raw);
    const doc = documents.get(params.uri);
    const analysis = doc && params.diagnostics ? await analysisOf(params.uri) : undefined;
    if (!doc) return null;
    return guard('render', null, () => {
      const model = analyses.model(doc);
      const r = renderDocument(model, { view: params.view, diagnostics: analysis && !analysis.skipped ? analysis.diagnostics : [] });
      return { uri: doc.uri, version: model.version, view: r.view, html: r.html, pageCss: pageCss(), title: r.title, pages: r.pages, lineMap: r.lineMap };
    });
  });

  connection.onRequest(ExportRequest, async (raw) => {
    const params = exportParams(raw);
    const doc = documents.get(params.uri);
    // The document-size limit of the rules applies to exports too: a 30 MB export would take the server's memory and minutes.
    const limit = (await configOf(params.uri)).maxDocumentSize ?? DOCUMENT_SIZE_LIMIT;
    const length = params.text?.length ?? doc?.getText().length ?? 0;
    if (length > limit) throw new ResponseError(LSPErrorCodes.RequestFailed, t('This document has more than {0} characters: too large to export (setting report.maxDocumentSize).', limit));
    const model = params.text !== undefined ? buildModel({ text: params.text, uri: params.uri }) : doc ? analyses.model(doc) : undefined;
    if (!model) return null;
    const bytes = await exportReport(model, params.format);
    return { format: params.format, data: Buffer.from(bytes).toString('base64'), title: model.title?.text ?? '' };
  });

  process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${String(e)}`));

  documents.listen(connection);
  connection.listen();
}
