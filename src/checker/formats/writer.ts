/**
 * What the formats share: a report is written as the check goes, one file at a time, in chunks
 * of bounded size. Joined into one string, tens of thousands of findings exceed what a string
 * can hold (`Invalid string length`) and print nothing at all; written per file, any number of
 * findings prints, and the first ones appear while later files are still being checked.
 */
import type { FileReport } from '../types.js';

/** Where a report goes: stdout, or a string in tests. A promise means: wait until it drained. */
export type Write = (text: string) => void | Promise<void>;

/**
 * A file or folder that could not be checked or fixed. Printed on stderr as it happens, and
 * listed in the JSON and SARIF reports. `warning`: something is wrong (unreadable, vanished, a
 * fix not written); `note`: left out on purpose (a binary, a bundle, a link to a file checked
 * under another name).
 */
export interface Note {
  /** The path relative to the working directory (a folder ends with `/`). */
  readonly file: string;
  readonly level: 'warning' | 'note';
  /** One sentence that names the file and the reason. */
  readonly message: string;
}

/** A report in the making: one call per checked file, in order, then the notes at the end. */
export interface ReportWriter {
  file(report: FileReport): Promise<void>;
  end(notes: readonly Note[]): Promise<void>;
}

/** About this many characters go out per write. */
const CHUNK = 64 * 1024;

/** Gathers small pieces of text into writes of about 64 KiB. */
export class Chunker {
  private pieces: string[] = [];
  private length = 0;

  constructor(private readonly write: Write) {}

  async add(text: string): Promise<void> {
    this.pieces.push(text);
    this.length += text.length;
    if (this.length >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.pieces.length) return;
    const text = this.pieces.join('');
    this.pieces = [];
    this.length = 0;
    await this.write(text);
  }
}

/** `JSON.stringify(value, null, 2)` as an element nested `depth` spaces deep (its first line not indented). */
export const nestedJson = (value: unknown, depth: number): string =>
  JSON.stringify(value, null, 2).replaceAll('\n', `\n${' '.repeat(depth)}`);

/**
 * Streams the elements of one JSON array that sits in a larger document, exactly as
 * `JSON.stringify(document, null, 2)` would print them: `[]` when empty, otherwise one element
 * per line, `depth` spaces deep, and the closing bracket two spaces less deep.
 */
export class JsonArrayWriter {
  private count = 0;

  constructor(
    private readonly out: Chunker,
    private readonly depth: number,
  ) {}

  async push(value: unknown): Promise<void> {
    await this.out.add(`${this.count++ ? ',' : ''}\n${' '.repeat(this.depth)}${nestedJson(value, this.depth)}`);
  }

  /** The text that closes the array (after its opening `[`). */
  close(): string {
    return this.count ? `\n${' '.repeat(this.depth - 2)}]` : ']';
  }
}
