// LSP-shaped plain data. The core never imports vscode or vscode-languageserver; these
// structures are compatible with the protocol's JSON so adapters pass them through unchanged.

import type { DiagnosticData, RuleName } from './rules/index.js';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export const DiagnosticSeverity = { Error: 1, Warning: 2, Information: 3, Hint: 4 } as const;
export type DiagnosticSeverity = (typeof DiagnosticSeverity)[keyof typeof DiagnosticSeverity];

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = SeverityName | 'off';

export const severityFromName: Record<SeverityName, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const severityName: Record<DiagnosticSeverity, SeverityName> = {
  1: 'error',
  2: 'warning',
  3: 'info',
  4: 'hint',
};

/** A diagnostic's code: the rule that found it, or a note the server adds on its own. */
export type DiagnosticCode = RuleName | 'file-too-large' | 'file-unreadable' | 'too-many-problems';

export interface Diagnostic {
  range: Range;
  severity: DiagnosticSeverity;
  code: DiagnosticCode;
  codeDescription?: { href: string };
  source: 'throughline';
  message: string;
  /** Places in other files the diagnostic is about (a portfolio's member plan). */
  relatedInformation?: DiagnosticRelatedInformation[];
  /** What the rule's quick fix reads (see `RuleDataMap`); most rules send none. */
  data?: DiagnosticData;
}

export interface DiagnosticRelatedInformation {
  location: { uri: string; range: Range };
  message: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface WorkspaceEdit {
  changes: Record<string, TextEdit[]>;
}

/** A label for a group of edits; VS Code previews an edit whose annotations need confirmation (a refactoring preview). */
export interface ChangeAnnotation {
  label: string;
  needsConfirmation?: boolean;
  description?: string;
}

export interface AnnotatedTextEdit extends TextEdit {
  annotationId: string;
}

export interface TextDocumentEdit {
  /** The version the edits were computed on (null: any). */
  textDocument: { uri: string; version: number | null };
  edits: (TextEdit | AnnotatedTextEdit)[];
}

/** A workspace edit in the `documentChanges` form: versioned, and optionally annotated. */
export interface DocumentChangesEdit {
  documentChanges: TextDocumentEdit[];
  changeAnnotations?: Record<string, ChangeAnnotation>;
}

export interface Location {
  uri: string;
  range: Range;
}

/**
 * A refactoring as the protocol's CodeAction (`refactor.rewrite` on a channel, `source.reschedule` on the
 * whole plan). `disabled` says why it cannot be done here (e.g. a dependency cycle).
 */
export interface RefactorAction {
  title: string;
  kind: 'refactor.rewrite' | 'source.reschedule';
  edit?: WorkspaceEdit | DocumentChangesEdit;
  disabled?: { reason: string };
}

/** A quick fix as the protocol's CodeAction (kind `quickfix`), carrying its whole edit. */
export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'refactor.rewrite';
  /** The diagnostics this action fixes, as the client sent them. */
  diagnostics: Diagnostic[];
  isPreferred?: boolean;
  edit: WorkspaceEdit;
}
