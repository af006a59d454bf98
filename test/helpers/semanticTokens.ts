/** A semantic token read back from the protocol's integers: where it is, its text, type and modifiers by name. */
export interface DecodedToken {
  line: number;
  character: number;
  text: string;
  type: string;
  modifiers: string[];
}

/** Decodes `SemanticTokens.data` (five integers per token, positions relative to the previous token) against a legend. */
export function decodeSemanticTokens(text: string, data: readonly number[], legend: { tokenTypes: string[]; tokenModifiers: string[] }): DecodedToken[] {
  const lines = text.split(/\r\n|\r|\n/);
  const tokens: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = data.slice(i, i + 5) as [number, number, number, number, number];
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    tokens.push({
      line,
      character,
      text: (lines[line] ?? '').slice(character, character + length),
      type: legend.tokenTypes[type] ?? `#${type}`,
      modifiers: legend.tokenModifiers.filter((_, bit) => (modifiers & (1 << bit)) !== 0),
    });
  }
  return tokens;
}
