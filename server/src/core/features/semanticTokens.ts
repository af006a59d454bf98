import { idIndexOf, unquoted, type IdKind, type IdOccurrence } from '../model/idIndex.js';
import type { PlanDocument } from '../planDocument.js';
import { comparePositions } from '../text/positions.js';
import type { Range } from '../types.js';

// Semantic tokens: every id coloured by what it names (objective, channel, KPI, journey
// stage, milestone), its definition marked, an id that names nothing marked `unresolved`.
// Standard token types, so every theme (and Neovim's @lsp.type.* groups) colours them;
// package.json's semanticTokenScopes maps them, and `unresolved`, to TextMate scopes.

type TokenKind = IdKind | 'milestone';

const TYPE_OF: Record<TokenKind, string> = {
  objective: 'class',
  channel: 'function',
  kpi: 'variable',
  stage: 'enumMember',
  milestone: 'event',
};

const TOKEN_TYPES = ['class', 'function', 'variable', 'enumMember', 'event'] as const;
const TOKEN_MODIFIERS = ['declaration', 'definition', 'unresolved'] as const;

/** The legend the server announces; token data indexes into it. */
export const SEMANTIC_TOKENS_LEGEND = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const DEFINED = 0b011;
const UNRESOLVED = 0b100;

export interface SemanticTokens {
  data: number[];
}

/** Five integers per token: each one's line and start relative to the previous token, its length, type and modifiers. */
export interface SemanticTokensEdit {
  start: number;
  deleteCount: number;
  data: number[];
}

interface Token {
  range: Range;
  type: number;
  modifiers: number;
}

/** The tokens of the plan, or of the lines a range covers. */
export function semanticTokens(doc: PlanDocument, range?: Range): SemanticTokens {
  const { model } = doc.analysis;
  const index = idIndexOf(model);
  const tokens: Token[] = [];
  const add = (kind: TokenKind, tokenRange: Range, modifiers: number) => {
    if (tokenRange.start.line !== tokenRange.end.line || tokenRange.end.character <= tokenRange.start.character) return;
    if (range && (comparePositions(tokenRange.end, range.start) <= 0 || comparePositions(tokenRange.start, range.end) >= 0)) return;
    tokens.push({ range: tokenRange, type: TOKEN_TYPES.indexOf(TYPE_OF[kind] as (typeof TOKEN_TYPES)[number]), modifiers });
  };
  const resolved = new Map<string, boolean>();
  const isResolved = (occurrence: IdOccurrence) => {
    const key = `${occurrence.kind}\u0000${occurrence.id}`;
    let known = resolved.get(key);
    if (known === undefined)
      resolved.set(key, (known = index.definitions(occurrence.kind, occurrence.id).length > 0 || index.imported(occurrence.kind, occurrence.id) !== undefined));
    return known;
  };
  for (const occurrence of index.occurrences) {
    add(occurrence.kind, occurrence.range, occurrence.definition ? DEFINED : isResolved(occurrence) ? 0 : UNRESOLVED);
  }
  for (const milestone of model.milestones.values()) add('milestone', unquoted(model.text, model, milestone.keyRange), DEFINED);
  tokens.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return { data: encode(tokens) };
}

function encode(tokens: readonly Token[]): number[] {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  let lastEnd = -1;
  for (const token of tokens) {
    const { start, end } = token.range;
    const deltaLine = start.line - line;
    // Tokens never overlap (the same id written twice at one place is one token).
    if (deltaLine === 0 && start.character < lastEnd) continue;
    data.push(deltaLine, deltaLine === 0 ? start.character - character : start.character, end.character - start.character, token.type, token.modifiers);
    line = start.line;
    character = start.character;
    lastEnd = end.character;
  }
  return data;
}

/** The change from one result to the next as one edit of whole tokens (none when equal). */
export function semanticTokensEdits(previous: readonly number[], current: readonly number[]): SemanticTokensEdit[] {
  const limit = Math.min(previous.length, current.length);
  let prefix = 0;
  while (prefix < limit && previous[prefix] === current[prefix]) prefix++;
  prefix -= prefix % 5;
  if (prefix === previous.length && prefix === current.length) return [];
  let suffix = 0;
  while (suffix < limit - prefix && previous[previous.length - 1 - suffix] === current[current.length - 1 - suffix]) suffix++;
  suffix -= suffix % 5;
  return [{ start: prefix, deleteCount: previous.length - prefix - suffix, data: current.slice(prefix, current.length - suffix) }];
}
