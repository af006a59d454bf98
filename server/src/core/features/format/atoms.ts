// The formatter prints a plan as a list of atoms (tokens with placement rules), then writes
// them out. Every atom copied from the plan remembers where it came from, so the edits can
// be the minimal difference between the two texts rather than one whole-document replace.

/** A block collection as the formatter sees it: the column its items had, and the one they get. */
export interface Level {
  old: number;
  new: number;
}

/** The block collections around a line, outermost first. */
export type Chain = readonly Level[];

/** A collection the formatter created (a flow collection turned into block style): no comment ever sat in it. */
export function syntheticLevel(column: number): Level {
  return { old: Number.POSITIVE_INFINITY, new: column };
}

export type Atom =
  /** A line break. `verbatim`: inside a scalar, never collapsed with its neighbours. */
  | { kind: 'break'; from: number | undefined; source: string; verbatim?: boolean }
  /**
   * Text on a line. `line`: starts a line at `indent` (structural: a key, `-`, `?`) unless it
   * follows an indicator on the same line (`- key: …`); `raw`: starts a line at exactly
   * `indent` (a continuation line of a scalar); `inline`: `gap` spaces after what precedes it.
   */
  | {
      kind: 'text';
      text: string;
      from: number | undefined;
      place: 'line' | 'raw' | 'inline';
      gap: number;
      indent: number;
      chain?: Chain;
      /** `-`, `?` or an explicit `:`: a node may follow on the same line. */
      indicator?: boolean;
    }
  /** A comment: on its own line (placed by its column among the levels around it) or after code (`gap` spaces, as written). */
  | { kind: 'comment'; text: string; from: number; ownLine: boolean; column: number; gap: number };

export interface Anchor {
  /** Offset in the original text. */
  old: number;
  /** Offset in the formatted text. */
  new: number;
  length: number;
}

export interface Written {
  text: string;
  anchors: Anchor[];
}

/** Where a comment on its own line goes: the deepest level around it whose old column is at or left of the comment's. */
export function commentIndent(column: number, before: Chain | undefined, after: Chain | undefined): number {
  let best: { level: Level; next: boolean; depth: number } | undefined;
  const consider = (chain: Chain | undefined, next: boolean) => {
    chain?.forEach((level, depth) => {
      if (level.old > column) return;
      if (!best || level.old > best.level.old) best = { level, next, depth };
      else if (level.old === best.level.old) {
        // A comment usually introduces what follows it: among levels at the same column prefer the next line's, then the deeper one.
        if ((next && !best.next) || (next === best.next && depth > best.depth)) best = { level, next, depth };
      }
    });
  };
  consider(before, false);
  consider(after, true);
  return best ? best.level.new : 0;
}

/** Writes atoms as text: indentation, one blank line at most between lines, no trailing spaces, one final line break. */
export function writeAtoms(atoms: readonly Atom[], eol: string, prefix?: { text: string; from: number }): Written {
  const chainsBefore: (Chain | undefined)[] = new Array(atoms.length);
  const chainsAfter: (Chain | undefined)[] = new Array(atoms.length);
  let last: Chain | undefined;
  for (let i = 0; i < atoms.length; i++) {
    const atom = atoms[i]!;
    chainsBefore[i] = last;
    if (atom.kind === 'text' && atom.chain) last = atom.chain;
  }
  last = undefined;
  for (let i = atoms.length - 1; i >= 0; i--) {
    const atom = atoms[i]!;
    chainsAfter[i] = last;
    if (atom.kind === 'text' && atom.chain) last = atom.chain;
  }

  const out: string[] = [];
  const anchors: Anchor[] = [];
  let length = 0;
  let atLineStart = true;
  let started = false;
  let pendingBlank = false;
  let afterIndicator = false;
  const write = (text: string, from?: number) => {
    if (text.length === 0) return;
    if (from !== undefined) anchors.push({ old: from, new: length, length: text.length });
    out.push(text);
    length += text.length;
  };
  const endLine = (from?: number) => {
    write(eol, from);
    atLineStart = true;
    afterIndicator = false;
  };
  const startLine = (indent: number) => {
    if (pendingBlank && started) write(eol);
    pendingBlank = false;
    write(' '.repeat(indent));
    atLineStart = false;
    started = true;
  };

  if (prefix) write(prefix.text, prefix.from);
  atoms.forEach((atom, i) => {
    switch (atom.kind) {
      case 'break':
        if (atom.verbatim) {
          endLine(atom.source === eol ? atom.from : undefined);
          started = true;
        } else if (atLineStart) {
          if (started) pendingBlank = true;
        } else {
          endLine(atom.source === eol ? atom.from : undefined);
        }
        return;
      case 'comment':
        if (atom.ownLine) {
          if (!atLineStart) endLine();
          startLine(commentIndent(atom.column, chainsBefore[i], chainsAfter[i]));
        } else if (atLineStart) {
          startLine(commentIndent(atom.column, chainsBefore[i], chainsAfter[i]));
        } else {
          write(' '.repeat(Math.max(1, atom.gap)));
        }
        write(atom.text, atom.from);
        afterIndicator = false;
        return;
      case 'text':
        if (atom.place === 'line') {
          if (atLineStart) startLine(atom.indent);
          else if (afterIndicator) write(' ');
          else {
            endLine();
            startLine(atom.indent);
          }
        } else if (atom.place === 'raw') {
          if (!atLineStart) endLine();
          // A raw line is the inside of a scalar: written as is, never a blank line collapsed.
          pendingBlank = false;
          write(' '.repeat(atom.indent));
          atLineStart = false;
          started = true;
        } else if (atLineStart) {
          startLine(atom.indent);
        } else {
          write(' '.repeat(atom.gap));
        }
        write(atom.text, atom.from);
        afterIndicator = atom.indicator === true;
        return;
    }
  });
  if (started && !atLineStart) write(eol);
  return { text: out.join(''), anchors };
}
