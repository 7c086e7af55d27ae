/**
 * Text from outside (a file name, an ID typed on the command line, a string read from a file) made
 * safe to print on a terminal or into a CI log. Printed raw, a control character can recolour or
 * clear the terminal (ANSI escapes start with ESC), and a newline in a file name starts a line of
 * its own, which GitHub Actions reads as a workflow command (`\n::error file=...::`).
 *
 * C0 and C1 controls and DEL (`\p{Cc}`), the Unicode line and paragraph separators, and the
 * bidirectional overrides and isolates (which reorder what a terminal shows) become visible
 * escapes: `\n`, `\r`, `\t`, `\x1b`, `\u202e`. Everything else is printed as it is.
 */
const UNSAFE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character shown as an escape (see above). */
export const escapeControl = (text: string): string => text.replace(UNSAFE, escapeOne);
