/**
 * Converts offsets into 1-based lines and columns (in UTF-16 code units, as ESLint counts), with
 * a binary search over the line starts. Lines end at `\n` (a `\r` before it ends with
 * the line), or, for JavaScript and TypeScript, wherever ESLint ends them: `\r\n`, `\r`, `\n`,
 * U+2028 and U+2029.
 */

/** ESLint's line breaks (its `lineBreakPattern`). */
const ECMASCRIPT_LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    private readonly text: string,
    ecmascript = false,
  ) {
    if (ecmascript) {
      for (const found of text.matchAll(ECMASCRIPT_LINE_BREAK)) this.starts.push(found.index + found[0].length);
    } else {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    }
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.starts[low]! + 1 };
  }
}
