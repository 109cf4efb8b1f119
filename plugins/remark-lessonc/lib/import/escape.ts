/**
 * Markdown escaping for prose copied from notes. Lessons are parsed as CommonMark + GFM + directives
 * (see `parse.ts`), so a note line like `시간:초`, `*중요*` or `[a](b)` would silently turn into a
 * directive, emphasis or a link. Only characters that would start such markup are escaped, so the
 * Markdown stays readable; every escape is a backslash before ASCII punctuation.
 */

const ASCII_PUNCTUATION = /[!-\/:-@[-`{-~]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** What micromark counts as punctuation when deciding whether `:x` starts a directive name. */
const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;
/**
 * GFM literal autolinks (`http://…`, `www.…`) are left as written: a backslash inside one would become
 * part of the URL. `http` must not follow an ASCII letter; `www.` must follow a space, the start or
 * one of `(*_[]~`. The run ends at whitespace; one ending at `<` is not kept (see `literalUrlAt`).
 */
const PROTOCOL_URL = /https?:\/\/[^\s\p{P}\p{S}][^\s<]*/iuy;
const WWW_URL = /www\.[^\s<]+/iy;

/** Escapes one line of prose (paragraph line, list item text, question text, heading text). */
export function escapeProseLine(text: string): string {
  return escapeLineStart(escapeInline(text));
}

/** Escapes heading text: like prose, plus a trailing ` #` that ATX headings would drop. */
export function escapeHeadingText(text: string): string {
  return escapeProseLine(text).replace(/([ \t])(#+)$/, '$1\\$2');
}

function escapeInline(text: string): string {
  const chars = Array.from(text);
  const context: InlineContext = { linkLike: /\](?:[(\[:])/.test(text), tildes: (text.match(/~/g) ?? []).length };
  let out = '';
  let offset = 0; // UTF-16 offset of chars[i]
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const url = literalUrlAt(text, offset, chars[i - 1], context);
    if (url !== null && url.keep) {
      out += url.text;
      i += Array.from(url.text).length - 1;
      offset += url.text.length;
      continue;
    }
    if (url !== null) {
      // `http\://…` / `www\.…`: no longer a link, so the rest is escaped like any text.
      const cut = url.text.search(/[:.]/) + 1;
      out += `${url.text.slice(0, cut - 1)}\\${url.text.slice(cut - 1, cut)}`;
      i += Array.from(url.text.slice(0, cut)).length - 1;
      offset += cut;
      continue;
    }
    const entity = char === '&' && /^&#?[A-Za-z0-9]+;/.test(text.slice(offset));
    out += (entity ? '\\' : escapeChar(char, chars[i - 1], chars[i + 1], context)) + char;
    offset += char.length;
  }
  return out;
}

interface InlineContext {
  /** The line has `](`, `][` or `]:`, so a `[` may open a link or a reference definition. */
  linkLike: boolean;
  tildes: number;
}

/**
 * The GFM autolink starting at `offset`, if any. It is kept verbatim (`keep`) when it runs to
 * whitespace or the end of the line and needs no escape but for `:` (a colon inside a link cannot
 * open a directive); otherwise the caller breaks it and escapes the text as usual.
 */
function literalUrlAt(text: string, offset: number, previous: string | undefined, context: InlineContext): { text: string; keep: boolean } | null {
  const char = text[offset]!.toLowerCase();
  let pattern: RegExp;
  if (char === 'h' && (previous === undefined || !/[A-Za-z]/.test(previous))) pattern = PROTOCOL_URL;
  else if (char === 'w' && (previous === undefined || /[\s(*_[\]~]/.test(previous))) pattern = WWW_URL;
  else return null;
  pattern.lastIndex = offset;
  const url = pattern.exec(text)?.[0];
  if (url === undefined) return null;
  const chars = Array.from(url);
  const clean = chars.every((c, i) => c === ':' || (c !== '&' && escapeChar(c, i === 0 ? previous : chars[i - 1], chars[i + 1], context) === ''));
  return { text: url, keep: clean && text[offset + url.length] !== '<' };
}

/** The escape (`\\` or ``) to put before `char`. */
function escapeChar(char: string, previous: string | undefined, next: string | undefined, context: InlineContext): string {
  switch (char) {
    case '\\':
      // A backslash before punctuation (or at the end: hard break) would itself be an escape.
      return next === undefined || ASCII_PUNCTUATION.test(next) ? '\\' : '';
    case '*':
    case '`':
      return '\\';
    case '_':
      // `snake_case` and `한_글` are safe; `_word_` would be emphasis.
      return previous !== undefined && next !== undefined && WORD_CHAR.test(previous) && WORD_CHAR.test(next) ? '' : '\\';
    case '<':
      // `<tag>`, `</tag>`, `<!-- -->`, `<?x`, `<http://...>`: HTML or an autolink.
      return next !== undefined && /[A-Za-z\/!?]/.test(next) ? '\\' : '';
    case '[':
      // Links, references (`[x]: url`), footnotes (`[^1]`), task items (`[ ]`) all start with `[`.
      return context.linkLike || next === '^' ? '\\' : '';
    case '~':
      // GFM strikethrough needs a pair of tildes (`~a~`, `~~a~~`).
      return context.tildes >= 2 ? '\\' : '';
    case ':':
      // `x:name` is a text directive (remark-directive) unless the name start is space or punctuation.
      return next !== undefined && previous !== ':' && !/\s/.test(next) && !UNICODE_PUNCTUATION.test(next) ? '\\' : '';
    default:
      return '';
  }
}

/** Escapes what would make the whole line a block construct: headings, lists, quotes, fences, ... */
function escapeLineStart(line: string): string {
  let escaped = line;
  if (/^#{1,6}(?:[ \t]|$)/.test(escaped)) return `\\${escaped}`;
  if (escaped.startsWith('>')) return `\\${escaped}`;
  // `::name` / `:::name` are directives; an escaped colon right before `:name` would still open one.
  if (escaped.startsWith('::')) return escaped.replace(/^:+/, (colons) => '\\:'.repeat(colons.length));
  if (/^[-+*](?:[ \t]|$)/.test(escaped)) return `\\${escaped}`;
  // Thematic breaks (`---`, `* * *`, `___`) and setext underlines (`===`, `--`).
  if (/^(?:(?:-[ \t]*){2,}|(?:_[ \t]*){3,}|=+[ \t]*)$/.test(escaped)) return `\\${escaped}`;
  if (/^\[[ xX]\][ \t]/.test(escaped)) return `\\${escaped}`;
  const ordered = /^(\d{1,9})([.)])(?=[ \t]|$)/.exec(escaped);
  if (ordered) return `${ordered[1]}\\${escaped.slice(ordered[1]!.length)}`;
  // A GFM table needs a delimiter row (`--- | ---`); escaping its pipes keeps the line text.
  if (/\|/.test(escaped) && /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/.test(escaped)) {
    escaped = escaped.replace(/\|/g, '\\|');
  }
  return escaped;
}

/**
 * The fallback when minimal escaping did not survive parsing: a backslash before every ASCII
 * punctuation character, which no Markdown construct can start from.
 */
export function escapeAllPunctuation(text: string): string {
  return text.replace(/[!-\/:-@[-`{-~]/g, '\\$&');
}

/** A backtick fence longer than any backtick run in the content, so the content cannot close it. */
export function codeFence(content: string): string {
  const longest = Math.max(0, ...Array.from(content.matchAll(/`+/g), (run) => run[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}
