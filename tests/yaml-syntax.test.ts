import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { checkYamlSyntax } from '../plugins/remark-lessonc/lib/yaml/check-syntax.ts';
import { yamlRuleId } from '../plugins/remark-lessonc/lib/yaml/rule-ids.ts';
import { bestTabWidth, TAB_WIDTHS, tabIndentEdits, visualColumn } from '../plugins/remark-lessonc/lib/yaml/tab-indent.ts';
import { applyEdits } from '../plugins/remark-lessonc/lib/fix/apply.ts';

describe('yaml syntax rules', () => {
  it('names rules after the parser codes in kebab-case', () => {
    expect(yamlRuleId('TAB_AS_INDENT')).toBe('yaml/tab-indent');
    expect(yamlRuleId('BAD_INDENT')).toBe('yaml/bad-indent');
    expect(yamlRuleId('DUPLICATE_KEY')).toBe('yaml/duplicate-key');
  });
  it('reports a duplicate key at the second key', () => {
    const text = 'a: 1\na: 2\n';
    const [d] = checkYamlSyntax(text);
    expect(d).toMatchObject({ ruleId: 'yaml/duplicate-key', severity: 'error', start: 5, end: 6 });
  });
  it('reports bad indentation with its offsets', () => {
    const text = 'a:\n  b: 1\n c: 2\n';
    const [d] = checkYamlSyntax(text);
    expect(d.ruleId).toBe('yaml/bad-indent');
    // The parser points at the indentation of the misaligned line.
    expect(d.start).toBe(text.indexOf(' c: 2'));
  });
  it('reports tab indentation with a safe fix to spaces', () => {
    const text = 'metadata:\n\tname: x\n';
    const diagnostics = checkYamlSyntax(text);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'yaml/tab-indent', start: 10, end: 11 });
    expect(diagnostics[0].fix?.safe).toBe(true);
    expect(applyEdits(text, diagnostics[0].fix!.edits)).toBe('metadata:\n  name: x\n');
  });
  it('reports invalid escapes and unclosed flow collections', () => {
    expect(checkYamlSyntax('a: "x\\\'y"\n').map((d) => d.ruleId)).toEqual(['yaml/bad-dq-escape']);
    expect(checkYamlSyntax('a: [1, 2\n').length).toBeGreaterThan(0);
  });
  it('accepts valid YAML, block and flow', () => {
    expect(checkYamlSyntax('a: 1\nb: [1, 2]\nc: {d: e}\n')).toEqual([]);
  });
  it('accepts an alias bomb without expanding it (the schema walk has its own budget: k8s-rules)', () => {
    const bomb = 'a: &a ["x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c]\n';
    expect(checkYamlSyntax(bomb)).toEqual([]);
  });
});

describe('tab expansion', () => {
  it('advances tabs to the next tab stop', () => {
    expect(visualColumn('\t', 4)).toBe(4);
    expect(visualColumn('\t  ', 4)).toBe(6);
    expect(visualColumn('  \t', 4)).toBe(4);
    expect(visualColumn('\t\t', 2)).toBe(4);
  });
  it('empties whitespace-only lines with tabs and leaves other lines alone', () => {
    const text = 'a:\n\tb: 1\n\t\t\n# c\n';
    expect(applyEdits(text, tabIndentEdits(text, 2))).toBe('a:\n  b: 1\n\n# c\n');
  });
});

describe('choosing the tab width', () => {
  it('picks the width of least cost, the smaller on a tie, whatever a cost that cannot win was said to be', () => {
    const cost = fc.integer({ min: 0, max: 3 });
    fc.assert(
      fc.property(fc.tuple(cost, cost, cost), fc.tuple(fc.nat(5), fc.nat(5), fc.nat(5)), (costs, overstated) => {
        const byWidth = new Map(TAB_WIDTHS.map((width, i) => [width as number, costs[i]!]));
        const least = Math.min(...costs);
        const expected = TAB_WIDTHS[costs.indexOf(least)];
        const tried: number[] = [];
        const chosen = bestTabWidth('a:\n\tb: 1\n', (_expanded, width, leastSoFar) => {
          tried.push(width);
          const exact = byWidth.get(width)!;
          // A cost that cannot beat the best so far may come back as any number not below it.
          return exact >= leastSoFar ? Math.max(exact, leastSoFar) + overstated[tried.length - 1]! : exact;
        });
        expect(chosen).toBe(expected);
        // Nothing is tried after a width that cost nothing.
        const firstFree = costs.indexOf(0);
        if (firstFree !== -1) expect(tried).toEqual(TAB_WIDTHS.slice(0, firstFree + 1));
      }),
    );
  });
});
