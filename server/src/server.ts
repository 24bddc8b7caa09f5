import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildModel, releaseDerived, codeActions, diagnostics, documentSymbols, FIX_ALL_KIND, formatEdits, mergeConfig, foldingRanges, hover, outline, setLanguage, t, workspaceSymbols, type EngineConfig, type ReportModel } from './engine';
import { ConfigFiles } from './config-file';
import { completion, COMPLETION_TRIGGERS } from './engine';
import { OutlineRequest, RenderRequest, StatisticsRequest } from './protocol';
import { statistics } from './engine';
import { pageCss, renderDocument } from './engine';
import { exportHtml } from './engine';
import { ExportRequest } from './protocol';
import { engineConfig, SettingsCache, type ReportSettings } from './settings';
import { WorkspaceIndex } from './workspace';
import { reduceMemorySoon } from './memory';

/** Above this many characters, a document's derived data is not kept between versions (memory over speed). */
const KEEP_DERIVED_LIMIT = 250_000;

/** Rule documentation shipped beside the bundle: dist/../docs/rules/<id>.md. */
const DOCS_BASE = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules')).toString();

/** Wires LSP requests to the engine. Every handler: look up the document, call the engine, return. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsCache(connection);
  const models = new WeakMap<TextDocument, ReportModel>();
  /** Diagnostics of a model version, computed once for validation and the preview. */
  const modelDiagnostics = new WeakMap<ReportModel, { key: string; diags: Diagnostic[] }>();
  const diagnosticsOf = (model: ReportModel, config: EngineConfig): Diagnostic[] => {
    const key = JSON.stringify(config);
    const hit = modelDiagnostics.get(model);
    if (hit && hit.key === key) return hit.diags;
    const diags = diagnostics(model, config);
    modelDiagnostics.set(model, { key, diags });
    return diags;
  };
  const workspace = new WorkspaceIndex();
  const pending = new Map<string, NodeJS.Immediate>();
  const configFiles = new ConfigFiles();
  const reportedConfigErrors = new Set<string>();
  /** Settings, then the nearest .reportrc.* on top (the project file wins, as in the CLI). */
  const configOf = async (uri: string): Promise<{ settings: ReportSettings; config: EngineConfig }> => {
    const s = await settings.get(uri);
    const file = configFiles.forUri(uri);
    if (file?.error && !reportedConfigErrors.has(file.path)) {
      reportedConfigErrors.add(file.path);
      connection.console.warn(`${file.path}: ${file.error} (ignored)`);
    }
    return { settings: s, config: mergeConfig(engineConfig(s, DOCS_BASE), file?.config) };
  };

  const modelOf = (doc: TextDocument): ReportModel => {
    let model = models.get(doc);
    if (!model || model.version !== doc.version) {
      // Built from the previous version's model: the paragraphs an edit did not touch are reused.
      model = buildModel({ text: doc.getText(), uri: doc.uri, version: doc.version, previous: model });
      models.set(doc, model);
    }
    return model;
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

  const validate = async (doc: TextDocument): Promise<void> => {
    const version = doc.version;
    const { settings: s, config } = await configOf(doc.uri);
    // vscode-jsonrpc handles one queued message per event-loop turn: yield one turn so that a
    // change already waiting is applied first and this (stale) version is dropped, not analysed.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (documents.get(doc.uri)?.version !== version) return; // a newer version will be validated
    const diags = guard<Diagnostic[]>('diagnostics', [], () => {
      if (doc.getText().length > s.maxDocumentSize) {
        return [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            severity: DiagnosticSeverity.Information,
            source: 'report',
            code: 'document-size',
            message: t('This document has more than {0} characters: only the outline is built, rules do not run (setting report.maxDocumentSize).', s.maxDocumentSize),
          },
        ];
      }
      const model = modelOf(doc);
      const diags = diagnosticsOf(model, config);
      // A very large document keeps only its model between versions: its figures and sentences
      // (tens of MB at 1 MB of text) are read again when needed. Smaller ones keep them for
      // incremental analysis of the next version.
      if (doc.getText().length > KEEP_DERIVED_LIMIT) {
        releaseDerived(model);
        reduceMemorySoon();
      }
      return diags;
    });
    await connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: diags });
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

  let configurationSupported = false;
  let foldersSupported = false;
  connection.onInitialize((params): InitializeResult => {
    setLanguage(params.locale);
    configurationSupported = params.capabilities.workspace?.configuration === true;
    settings.setSupported(configurationSupported);
    foldersSupported = params.capabilities.workspace?.workspaceFolders === true;
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
    if (configurationSupported) {
      // Ask the client to tell us when `report.*` settings change.
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'report' }).catch(() => undefined);
    }
  });

  connection.onDidChangeWatchedFiles(() => {
    configFiles.clear();
    reportedConfigErrors.clear();
    for (const doc of documents.all()) schedule(doc);
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    configFiles.clear();
    for (const doc of documents.all()) schedule(doc);
  });

  documents.onDidOpen((e) => schedule(e.document));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    const p = pending.get(e.document.uri);
    if (p) clearImmediate(p);
    pending.delete(e.document.uri);
    settings.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDocumentSymbol((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? guard('documentSymbol', [], () => documentSymbols(modelOf(doc), token)) : [];
  });

  connection.onFoldingRanges((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? guard('foldingRange', [], () => foldingRanges(modelOf(doc), token)) : [];
  });

  connection.onWorkspaceSymbol(async (params, token) => {
    const open = documents.all().map(modelOf);
    const others = await workspace.models(new Set(open.map((m) => m.uri)), token);
    return guard('workspaceSymbol', [], () => workspaceSymbols([...open, ...others], params.query, token));
  });

  connection.onCompletion((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? guard('completion', [], () => completion(modelOf(doc), params.position, token)) : [];
  });

  connection.onHover((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? guard('hover', null, () => hover(modelOf(doc), params.position, token)) : null;
  });

  connection.onCodeAction(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const { settings: s, config } = await configOf(doc.uri);
    if (doc.getText().length > s.maxDocumentSize) return []; // rules do not run on it (see validate)
    const query = { range: params.range, diagnostics: params.context.diagnostics, ...(params.context.only ? { only: params.context.only } : {}) };
    return guard('codeAction', [], () => codeActions(modelOf(doc), config, query, token));
  });

  connection.onDocumentFormatting((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? guard('formatting', [], () => formatEdits(modelOf(doc), token)) : [];
  });

  connection.onRequest(OutlineRequest, (params) => {
    const doc = documents.get(params.uri);
    return doc ? guard('outline', [], () => outline(modelOf(doc))) : [];
  });

  connection.onRequest(StatisticsRequest, (params) => {
    const doc = documents.get(params.uri);
    return doc ? guard('statistics', null, () => statistics(modelOf(doc))) : null;
  });

  connection.onRequest(RenderRequest, async (params) => {
    const doc = documents.get(params.uri);
    if (!doc) return null;
    const { settings: s, config } = await configOf(doc.uri);
    return guard('render', null, () => {
      const model = modelOf(doc);
      const diags = params.diagnostics && doc.getText().length <= s.maxDocumentSize ? diagnosticsOf(model, config) : [];
      const r = renderDocument(model, { view: params.view, diagnostics: diags });
      return { uri: doc.uri, version: model.version, view: r.view, html: r.html, pageCss: pageCss(), title: r.title, pages: r.pages, lineMap: r.lineMap };
    });
  });

  connection.onRequest(ExportRequest, async (params) => {
    const doc = documents.get(params.uri);
    const model = params.text !== undefined ? buildModel({ text: params.text, uri: params.uri }) : doc ? modelOf(doc) : undefined;
    if (!model) return null;
    // The docx library is loaded on the first export, not at start (memory and start-up time).
    const bytes = params.format === 'docx' ? await (await import('./engine/features/export-docx')).exportDocx(model) : new TextEncoder().encode(exportHtml(model));
    return { format: params.format, data: Buffer.from(bytes).toString('base64'), title: model.title?.text ?? '' };
  });

  process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${String(e)}`));

  documents.listen(connection);
  connection.listen();
}
