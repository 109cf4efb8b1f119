import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import AjvDraft04 from 'ajv-draft-04';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixLesson } from '../plugins/remark-lessonc/index.ts';
import { lineStartOffsets } from '../plugins/remark-lessonc/lib/extract/positions.ts';
import { applyEdits, selectNonOverlapping } from '../plugins/remark-lessonc/lib/fix/apply.ts';
import { repoRoot } from './helpers/paths.ts';

const run = promisify(execFile);
const lessonFile = 'lessons/01-pod.md';
let sarif: any;
let report: any;
let lesson: string;

async function lessonc(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [path.join(repoRoot, 'bin', 'lessonc.mjs'), ...args, '--exit-zero'], { cwd: repoRoot, maxBuffer: 32 * 1024 * 1024 });
  return stdout;
}

beforeAll(async () => {
  sarif = JSON.parse(await lessonc('check', lessonFile, '--format', 'sarif', '--locale', 'en'));
  report = JSON.parse(await lessonc('check', lessonFile, '--format', 'json', '--locale', 'en'))[0];
  lesson = await readFile(path.join(repoRoot, lessonFile), 'utf8');
});

describe('lessonc check --format sarif', () => {
  it('validates against the OASIS SARIF 2.1.0 schema', async () => {
    const schema = JSON.parse(await readFile(path.join(repoRoot, 'tests', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
    // A CommonJS module: its default export is `module.exports`, whose `default` is the class.
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
    // The schema's formats, checked the way URL and Date parsing read them (ajv ships no format checks).
    ajv.addFormat('uri', (value: string) => URL.canParse(value));
    ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///'));
    ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT/.test(value) && !Number.isNaN(Date.parse(value)));
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // A log that breaks the schema is rejected, so the check above can fail.
    expect(validate({ ...sarif, runs: [{ ...sarif.runs[0], results: [{ level: 'fatal', message: {} }] }] })).toBe(false);
  });

  it('has one result per problem, at its region, with its rule described and linked', () => {
    const [runLog] = sarif.runs;
    expect(runLog.results).toHaveLength(report.messages.length);
    runLog.results.forEach((result: any, index: number) => {
      const message = report.messages[index];
      expect(result.ruleId).toBe(message.ruleId);
      expect(result.message.text).toBe(message.message);
      expect(result.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[message.severity as string]);
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(lessonFile);
      expect(result.locations[0].physicalLocation.region).toEqual({ startLine: message.line, startColumn: message.column, endLine: message.endLine, endColumn: message.endColumn });
      const rule = runLog.tool.driver.rules[result.ruleIndex];
      expect(rule.id).toBe(result.ruleId);
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(rule.helpUri).toMatch(/docs\/rules\.md#/);
    });
  });

  it('carries each fix as replacements that do what `lessonc fix` does in its first pass', () => {
    const starts = lineStartOffsets(lesson);
    const offset = (line: number, column: number) => starts[line - 1]! + column - 1;
    const fixes = sarif.runs[0].results.flatMap((result: any) => result.fixes ?? []);
    expect(fixes.some((fix: any) => fix.properties.safe === false)).toBe(true);
    const safe = fixes
      .filter((fix: any) => fix.properties.safe)
      .map((fix: any) => ({
        edits: fix.artifactChanges[0].replacements.map((r: any) => ({ start: offset(r.deletedRegion.startLine, r.deletedRegion.startColumn), end: offset(r.deletedRegion.endLine, r.deletedRegion.endColumn), text: r.insertedContent.text })),
      }));
    expect(safe.length).toBeGreaterThan(3);
    const firstPass = applyEdits(lesson, selectNonOverlapping(safe).flatMap((fix: any) => fix.edits));
    expect(firstPass).not.toBe(lesson);
    expect(firstPass).toBe(fixLesson(lesson, { maxPasses: 1 }).output);
  });
});
