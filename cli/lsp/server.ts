/**
 * `lessonc lsp --stdio`: the Language Server Protocol over the same compiler `lessonc check` and
 * `lessonc fix` run. Built on vscode-languageserver, not unified-language-server: the latter turns a
 * vfile message's `expected` strings into replacements of the message's own range, so it cannot carry
 * a fix whose edits lie elsewhere (a moved field, merged list items), tell safe fixes from unsafe ones,
 * apply the fix loop as one action, or answer hover and completion (docs/editors.md).
 */
import { createConnection, TextDocumentSyncKind, TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../../plugins/remark-lessonc/lib/i18n.ts';
import { localeFromEnvironment } from '../../plugins/remark-lessonc/lib/messages.ts';
import { codeActions, fixAllKind } from './code-actions.ts';
import { completion } from './completion.ts';
import { toDiagnostic } from './diagnostics.ts';
import { hover } from './hover.ts';
import { Debouncer } from '../debounce.ts';
import { LessonAnalyses } from './lesson-documents.ts';

export interface LanguageServerOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** How long the author must pause before a changed lesson is checked again (ms). */
  debounceMs?: number;
}

/** Reads the client's `initializationOptions.locale`; otherwise the language of `LANG`. */
function localeOf(options: unknown): Locale {
  const asked = (options as { locale?: unknown } | null | undefined)?.locale;
  return asked === 'ko' || asked === 'en' ? asked : localeFromEnvironment(process.env);
}

export function startLanguageServer(options: LanguageServerOptions = {}): Connection {
  const connection = createConnection(options.input ?? process.stdin, options.output ?? process.stdout);
  const documents = new TextDocuments(TextDocument);
  const analyses = new LessonAnalyses();
  let locale: Locale = localeFromEnvironment(process.env);

  // A lesson half-typed can be anything: a request that fails is logged and answered empty, the server stays up.
  const guarded = <T>(what: string, fallback: T, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      connection.console.error(`lessonc: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };

  const publish = (uri: string): void => {
    const document = documents.get(uri);
    if (!document) return;
    const diagnostics = guarded('check', [], () => analyses.of(document).messages.map((message) => toDiagnostic(document, message, locale)));
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  };
  const checkLater = new Debouncer(options.debounceMs ?? 200, publish);

  connection.onInitialize((params) => {
    locale = localeOf(params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: ['quickfix', fixAllKind] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['-', ' '] },
      },
      serverInfo: { name: 'lessonc' },
    };
  });
  documents.onDidChangeContent((change) => checkLater.schedule(change.document.uri));
  documents.onDidClose((event) => {
    checkLater.cancel(event.document.uri);
    analyses.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? guarded('code actions', [], () => codeActions(document, analyses.of(document), params, locale)) : [];
  });
  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? guarded('hover', null, () => hover(document, analyses.of(document), params.position, locale)) : null;
  });
  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? guarded('completion', [], () => completion(document, analyses.of(document), params.position, locale)) : [];
  });
  documents.listen(connection);
  connection.listen();
  return connection;
}
