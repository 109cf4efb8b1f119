import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyzeLesson } from '../plugins/remark-lessonc/index.ts';
import { parsedData, parseYamlDocuments } from '../plugins/remark-lessonc/lib/yaml/parse.ts';

const frontmatterMessages = (markdown: string) => analyzeLesson(markdown).messages.filter((m) => m.ruleId === 'lesson/frontmatter');

describe('lesson frontmatter', () => {
  it('accepts a valid lesson and fills defaults', () => {
    const analysis = analyzeLesson('---\ntitle: Pods\norder: 1\n---\n\ntext\n');
    expect(frontmatterMessages('---\ntitle: Pods\norder: 1\n---\n')).toEqual([]);
    expect(analysis.frontmatter).toMatchObject({ title: 'Pods', order: 1, kubernetes: '1.32', lang: 'ko', tags: [] });
  });

  it('points at an unknown key, naming the nearest field', () => {
    const [message] = frontmatterMessages('---\ntitle: Pods\ntilte: oops\n---\n');
    expect(message).toMatchObject({ severity: 'error', message: 'Unexpected frontmatter field `tilte`, expected `title`', start: { line: 3, column: 1 }, end: { line: 3, column: 6 } });
  });

  it('points at an invalid value, and reports a missing title and an unsupported version', () => {
    expect(frontmatterMessages('---\ntitle: Pods\norder: first\n---\n')[0]).toMatchObject({ message: expect.stringContaining('`order`'), start: { line: 3 } });
    expect(frontmatterMessages('---\norder: 1\n---\n')[0]?.message).toContain('`title`');
    expect(frontmatterMessages('---\ntitle: Pods\nkubernetes: "1.31"\n---\n')[0]?.message).toContain('1.32');
    expect(frontmatterMessages('no frontmatter\n')[0]?.message).toBe('Missing frontmatter, expected at least `title`');
  });
});

describe('the frontmatter is parsed once', () => {
  // The documents parsed for the YAML limits give the data; `parse` only words an error.
  const cases = ['', '# only a comment\n', 'title: Pods\norder: 1\n', 'a: &x [1, 2]\nb: *x\n', 'title: a\n---\ntitle: b\n', 'title: [unclosed\n', 'a: 1\na: 2\n', 'b: *missing\n', '!!str 12\n', 'x: !unknown 1\n', '"just a string"\n', '- 1\n- 2\n', 'title: Pods\r\ntags: [a, b]\r\n'];

  it('gives what `parse` gives, and nothing where `parse` throws', () => {
    for (const text of cases) {
      let expected: { value: unknown } | undefined;
      try {
        expected = { value: parse(text, { maxAliasCount: -1, logLevel: 'error' }) };
      } catch {
        expected = undefined;
      }
      let actual: { value: unknown } | undefined | 'threw';
      try {
        actual = parsedData(parseYamlDocuments(text));
      } catch {
        actual = 'threw';
      }
      // Where `parse` throws, so may toJS (an alias of no anchor): either way the lesson reports `parse`'s error.
      if (expected === undefined) expect(actual === undefined || actual === 'threw', JSON.stringify(text)).toBe(true);
      else expect(actual, JSON.stringify(text)).toEqual(expected);
    }
  });

  it('over random YAML-ish text too', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b: ', '- ', '1', ' ', '\n', ':', '&x ', '*x', '[', ']', '{', '}', '"', '#', '---\n', '\t', '!!str '), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        let expected: unknown;
        let threw = false;
        try {
          expected = parse(text, { maxAliasCount: -1, logLevel: 'error' });
        } catch {
          threw = true;
        }
        let actual: { value: unknown } | undefined;
        try {
          actual = parsedData(parseYamlDocuments(text));
        } catch {
          actual = undefined;
        }
        if (threw) return actual === undefined;
        expect(actual).toEqual({ value: expected });
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('a broken frontmatter still says YAML’s own error', () => {
    expect(frontmatterMessages('---\ntitle: [unclosed\n---\n')[0]?.message).toMatch(/frontmatter/i);
    expect(frontmatterMessages('---\ntitle: a\n---\n---\n')).toEqual([]);
  });
});
