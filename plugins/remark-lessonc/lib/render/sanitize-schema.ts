/**
 * What HTML a lesson may put on a page: GitHub's sanitation (rehype-sanitize's `defaultSchema`),
 * widened only for the markup lessonc's render stage emits itself (`lc-*` classes on its figures,
 * quiz placeholders and notes, and their `data-*` attributes). The sanitiser (render/sanitize.ts)
 * and the `html/unsafe` rule (html/unsafe.ts) both read this one schema, so `check` reports exactly
 * what the site drops.
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

type AttributeDefinitions = NonNullable<Schema['attributes']>[string];

const defaults = defaultSchema.attributes ?? {};
/** lessonc's own class names: `lc-snippet`, `lc-question`, `lc-badge-corrected`, ... */
const LESSONC_CLASS = /^lc-[a-z][a-z-]*$/;

/** The tag's GitHub attributes, with its `className` allow list widened by lessonc's classes. */
function withLessoncClasses(tagName: string, extra: AttributeDefinitions = []): AttributeDefinitions {
  const own = defaults[tagName] ?? [];
  const classes = own.find((definition) => Array.isArray(definition) && definition[0] === 'className');
  const others = own.filter((definition) => definition !== classes);
  const allowed = Array.isArray(classes) ? classes.slice(1) : [];
  return [...others, ['className', ...allowed, LESSONC_CLASS], ...extra];
}

export const lessoncSanitizeSchema: Schema = {
  ...defaultSchema,
  // render/snippet.ts wraps every code block in a figure with a caption.
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption'],
  // Style sheets are not text: drop them with their content, as scripts are.
  strip: ['script', 'style'],
  attributes: {
    ...defaults,
    figure: withLessoncClasses('figure', ['dataStatus', 'dataKind', 'dataSnippet', 'dataFields']),
    figcaption: [],
    div: withLessoncClasses('div', ['dataQuestion', 'dataType', 'dataLabel', 'dataStrings', 'dataPagefindIgnore', 'hidden', ['role', 'note']]),
    span: withLessoncClasses('span', [['role', 'note']]),
    p: withLessoncClasses('p', [['role', 'note']]),
    del: withLessoncClasses('del'),
    ins: withLessoncClasses('ins'),
    details: withLessoncClasses('details'),
    ul: withLessoncClasses('ul'),
    ol: withLessoncClasses('ol'),
    li: withLessoncClasses('li', ['dataQuestion', 'dataType', 'dataCorrect', 'dataSeverity']),
  },
};
