/**
 * The one way lessonc parses snippet YAML: the `yaml` package (eemeli) with node ranges, strict
 * unique keys and no alias expansion beyond a small budget (a learner snippet never needs more;
 * a billion-laughs one must not hang the build).
 */
import { parseAllDocuments, type Document } from 'yaml';

export const MAX_ALIAS_COUNT = 20;

export function parseYamlDocuments(text: string): Document.Parsed[] {
  const parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  // parseAllDocuments returns an EmptyStream (an array with extra props) for blank input.
  return Array.from(parsed as Iterable<Document.Parsed>);
}

/** Plain JS value of a document, or undefined when aliases explode or refer to nothing. */
export function documentToJs(doc: Document.Parsed): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
}
