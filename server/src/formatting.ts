import type { Connection } from 'vscode-languageserver';
import {
  formatDocument,
  formatDocumentRange,
  type FormatOptions,
  type FormatResult,
  type FormatSettings,
  type PlanDocument,
  type Range,
  type TextEdit,
} from './core/index.js';

/**
 * Format Document and Format Selection over the core's formatter. Options: the client's tab
 * size (the unit for a file that nests nothing yet), `throughline.format.sortKeys` or the
 * plan's `.throughline.yaml` `format:` section (either turns sorting on), and its `lineWidth`.
 * A plan that cannot be formatted gets no edits and one message per version, so format on
 * save does not repeat it at every keystroke-free save.
 */
export class Formatting {
  private readonly shown = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly sortKeysSetting: () => boolean,
  ) {}

  /** `fromFile`: the `format:` section of the plan's `.throughline.yaml`. */
  document(doc: PlanDocument, fromFile: FormatSettings, clientOptions: unknown): TextEdit[] {
    return this.answer(doc, formatDocument(doc, this.options(fromFile, clientOptions)));
  }

  range(doc: PlanDocument, range: Range, fromFile: FormatSettings, clientOptions: unknown): TextEdit[] {
    return this.answer(doc, formatDocumentRange(doc, range, this.options(fromFile, clientOptions)));
  }

  forget(uri: string): void {
    this.shown.delete(uri);
  }

  private options(fromFile: FormatSettings, clientOptions: unknown): FormatOptions {
    const tabSize = (clientOptions as { tabSize?: unknown } | null | undefined)?.tabSize;
    return {
      ...(typeof tabSize === 'number' && Number.isInteger(tabSize) && tabSize > 0 ? { tabSize } : {}),
      sortKeys: this.sortKeysSetting() || fromFile.sortKeys === true,
      ...(fromFile.lineWidth ? { lineWidth: fromFile.lineWidth } : {}),
    };
  }

  private answer(doc: PlanDocument, result: FormatResult): TextEdit[] {
    if ('edits' in result) return result.edits;
    const key = `${doc.version}\u0000${result.error}`;
    if (this.shown.get(doc.uri) !== key) {
      this.shown.set(doc.uri, key);
      void this.connection.window.showWarningMessage(`Throughline: ${result.error}`);
    }
    return [];
  }
}
