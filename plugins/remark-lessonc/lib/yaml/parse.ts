/**
 * The one way lessonc parses snippet YAML: the `yaml` package (eemeli) with node ranges and strict
 * unique keys. Parsing never expands aliases; the schema walk (k8s/walk.ts) follows at most
 * MAX_ALIAS_COUNT of them per document (a learner snippet never needs more; a billion-laughs one
 * must not hang the build).
 */
import { parseAllDocuments, type Document } from 'yaml';
import { aliasLimitProblems, yamlTextLimit } from './limits.ts';
import { textMemo } from '../memo.ts';

export const MAX_ALIAS_COUNT = 20;

/**
 * The documents of `text`; none when the text is over the size or depth limit (lib/yaml/limits.ts).
 * A snippet is read by several rules and again in each fix pass: it is parsed once, and the
 * (read-only) documents are shared. The memo holds at most 8 MB of snippet text.
 */
export function parseYamlDocuments(text: string): Document.Parsed[] {
  const known = memo.get(text);
  if (known) return [...known];
  if (yamlTextLimit(text)) return [];
  const parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  // parseAllDocuments returns an EmptyStream (an array with extra props) for blank input.
  const documents = Array.from(parsed as Iterable<Document.Parsed>);
  memo.set(text, documents);
  return [...documents];
}

const memo = textMemo<Document.Parsed[]>(8 * 1024 * 1024);

/**
 * The data `yaml`'s `parse` gives for the text these documents were parsed from (`null` for none),
 * aliases expanded without a limit (the caller bounds them first); `undefined` where `parse` would
 * throw for an error in them or for more than one document. Saves a second parse of a text that
 * was parsed for its limits already (the frontmatter).
 */
export function parsedData(documents: readonly Document.Parsed[]): { value: unknown } | undefined {
  if (documents.length === 0) return { value: null };
  if (documents.length > 1 || documents[0]!.errors.length > 0) return undefined;
  return { value: documents[0]!.toJS({ maxAliasCount: -1 }) };
}

/**
 * Plain data of a document, or `undefined` when it has none: its aliases would expand past the
 * limit (the `yaml/alias-limit` rule reports where) or one names no anchor (`*missing`).
 */
export function boundedToJs(document: Document.Parsed): unknown {
  if (aliasLimitProblems([document]).length > 0) return undefined;
  try {
    return document.toJS({ maxAliasCount: -1 });
  } catch {
    return undefined;
  }
}
