/**
 * Jupyter notebooks (`.ipynb`): the code cells, read as one Python program by the Python reader,
 * with every position mapped back to the notebook's JSON. A cell's `source` is a list of JSON
 * strings (or one string); a candidate is reported where its line's string holds it, and a fix is
 * written there only when the value is spelled verbatim in the JSON (no escapes).
 */
import { parse, type AnyNode } from '@humanwhocodes/momoa';
import type { Candidate, Collection } from '../core/candidate.js';

/** One piece of a cell's source: its decoded text, where it starts in the program, where its JSON string starts. */
interface Piece {
  readonly text: string;
  readonly programStart: number;
  /** Offset of the string's opening quote in the notebook. */
  readonly jsonStart: number;
  readonly jsonEnd: number;
}

export interface NotebookProgram {
  /** The code cells joined, one newline between cells. */
  readonly program: string;
  readonly pieces: readonly Piece[];
}

const member = (node: AnyNode | undefined, name: string): AnyNode | undefined =>
  node?.type === 'Object' ? node.members.find((m) => m.name.type === 'String' && m.name.value === name)?.value : undefined;

/** The code of a notebook's code cells, or null when it is not a notebook (or its kernel is not Python). */
export function notebookProgram(source: string): NotebookProgram | null {
  let root: AnyNode;
  try {
    root = parse(source, { mode: 'json' });
  } catch {
    return null;
  }
  const body = root.type === 'Document' ? root.body : undefined;
  const language = member(member(member(body, 'metadata'), 'kernelspec'), 'language') ?? member(member(member(body, 'metadata'), 'language_info'), 'name');
  if (language?.type === 'String' && !/^python/i.test(language.value)) return null;
  const cells = member(body, 'cells');
  if (cells?.type !== 'Array') return null;
  const pieces: Piece[] = [];
  let program = '';
  for (const element of cells.elements) {
    const cell = element.value;
    const kind = member(cell, 'cell_type');
    if (kind?.type !== 'String' || kind.value !== 'code') continue;
    const text = member(cell, 'source');
    const strings = text?.type === 'Array' ? text.elements.map((e) => e.value) : text ? [text] : [];
    for (const string of strings) {
      if (string.type !== 'String') continue;
      pieces.push({ text: string.value, programStart: program.length, jsonStart: string.loc.start.offset, jsonEnd: string.loc.end.offset });
      program += string.value;
    }
    program += '\n';
  }
  return pieces.length ? { program, pieces } : null;
}

/** The piece holding a program offset (binary search over the pieces' starts). */
function pieceAt(pieces: readonly Piece[], offset: number): Piece | undefined {
  let low = 0;
  let high = pieces.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (pieces[middle]!.programStart <= offset) low = middle;
    else high = middle - 1;
  }
  const piece = pieces[low];
  return piece && offset <= piece.programStart + piece.text.length ? piece : undefined;
}

/** The notebook offset of a program offset inside a piece: its escaped length before it. */
const jsonOffset = (piece: Piece, offset: number): number =>
  piece.jsonStart + JSON.stringify(piece.text.slice(0, offset - piece.programStart)).length - 1;

/** A collection of the program, with its positions moved into the notebook. */
export function mapToNotebook(collection: Collection, notebook: NotebookProgram, source: string): Collection {
  const candidates: Candidate[] = [];
  for (const candidate of collection.candidates) {
    const piece = pieceAt(notebook.pieces, candidate.start);
    if (!piece || candidate.end > piece.programStart + piece.text.length) continue;
    const start = jsonOffset(piece, candidate.start);
    const end = jsonOffset(piece, candidate.end);
    let fix = null;
    if (candidate.fix) {
      const valueStart = jsonOffset(piece, candidate.fix.start);
      const valueEnd = jsonOffset(piece, candidate.fix.end);
      if (source.slice(valueStart, valueEnd) === candidate.text) fix = { ...candidate.fix, start: valueStart, end: valueEnd };
    }
    candidates.push({ ...candidate, start, end, fix });
  }
  return { candidates, facts: collection.facts };
}
