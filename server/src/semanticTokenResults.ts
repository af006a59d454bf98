import { semanticTokens, semanticTokensEdits, type PlanDocument, type SemanticTokensEdit } from './core/index.js';

/**
 * The last semantic tokens sent for each open document, so `textDocument/semanticTokens/full/delta`
 * can answer with the one edit from that result to the current one instead of every token again.
 */
export class SemanticTokenResults {
  private readonly last = new Map<string, { resultId: string; data: number[] }>();
  private counter = 0;

  full(doc: PlanDocument): { resultId: string; data: number[] } {
    const result = { resultId: String(++this.counter), data: semanticTokens(doc).data };
    this.last.set(doc.uri, result);
    return result;
  }

  delta(doc: PlanDocument, previousResultId: unknown): { resultId: string; data: number[] } | { resultId: string; edits: SemanticTokensEdit[] } {
    const previous = this.last.get(doc.uri);
    const current = this.full(doc);
    if (!previous || previous.resultId !== previousResultId) return current;
    return { resultId: current.resultId, edits: semanticTokensEdits(previous.data, current.data) };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
