import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The Markdown dialect of lessons: CommonMark + GFM + frontmatter + directives (`:::question`). */
const lessonParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);

export function parseLesson(markdown: string): Root {
  return lessonParser.parse(markdown);
}
