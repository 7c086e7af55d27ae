/**
 * Markdown of the change report, which goes into a pull-request body. IDs, names and statuses come
 * from whatever answers at the endpoint, so none of them may close a code span, ping a team
 * (`@org/team`), open a link, inject HTML or split a table row. Plain text is scrubbed
 * (src/util/scrub.ts) before it is escaped, so that a mask such as `<account-id>` is escaped too
 * and shows; code spans show masks as they are, and the whole report is scrubbed as it leaves.
 */
import { scrub } from '../util/scrub.js';

/** Line breaks and other control characters, which could end a list item or a table row. */
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;

/** A visible stand-in for a control character. */
const REPLACEMENT = '\uFFFD';

/**
 * Characters that can start markdown or HTML syntax inside a line (code, links, HTML, entities,
 * table cells, emphasis, strikethrough), escaped with a backslash; `_` only at the edge of a word,
 * so that `ON_DEMAND` stays readable (GitHub does not emphasize inside words).
 */
const SYNTAX = /[\\`*[\]<>|~&]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;

/**
 * An ID as inline code, fenced with one backtick more than its longest run of backticks (padded
 * when it starts or ends with one). Mentions, links and HTML are not interpreted inside code.
 * In a table cell (`cell`), pipes are escaped: GitHub splits a row on them even inside code.
 */
export function mdCode(text: string, { cell = false } = {}): string {
  let body = text.replace(CONTROL, REPLACEMENT);
  if (cell) body = body.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** An ID in a table cell: `mdCode` with pipes escaped. */
export const mdCell = (text: string): string => mdCode(text, { cell: true });

/**
 * Plain text (a model's name, a status, a failure's cause) with markdown and HTML syntax escaped,
 * and a zero-width space after each `@`, so that `@team` stays text instead of a notification.
 */
export const mdText = (text: string): string =>
  scrub(text).replace(CONTROL, REPLACEMENT).replace(SYNTAX, '\\$&').replace(/@/g, '@\u200B');
