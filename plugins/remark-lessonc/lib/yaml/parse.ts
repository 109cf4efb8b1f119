/**
 * The one way lessonc parses snippet YAML: the `yaml` package (eemeli) with node ranges and strict
 * unique keys. Parsing never expands aliases; the schema walk (k8s/walk.ts) follows at most
 * MAX_ALIAS_COUNT of them per document (a learner snippet never needs more; a billion-laughs one
 * must not hang the build).
 */
import { parseAllDocuments, type Document } from 'yaml';

export const MAX_ALIAS_COUNT = 20;

export function parseYamlDocuments(text: string): Document.Parsed[] {
  const parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  // parseAllDocuments returns an EmptyStream (an array with extra props) for blank input.
  return Array.from(parsed as Iterable<Document.Parsed>);
}
