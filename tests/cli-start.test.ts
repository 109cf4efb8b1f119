import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.ts';

const run = promisify(execFile);

/** The bare specifiers and files a command loads, recorded by a module resolve hook. */
async function loadedBy(args: string[], env: Record<string, string> = {}): Promise<string[]> {
  const probe = `
    import module from 'node:module';
    const seen = [];
    module.registerHooks({ resolve(specifier, context, next) { seen.push(specifier); return next(specifier, context); } });
    const { main } = await import(${JSON.stringify(path.join(repoRoot, 'cli', 'main.ts'))});
    await main(${JSON.stringify(args)});
    process.stderr.write('LOADED ' + JSON.stringify(seen) + '\\n');`;
  const { stderr } = await run(process.execPath, ['--input-type=module', '-e', probe], { cwd: repoRoot, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(/LOADED (.*)/.exec(stderr)![1]!) as string[];
}

describe('CLI start', () => {
  it('a check loads neither Playwright nor the diff, importer or language server', async () => {
    const loaded = await loadedBy(['check', path.join(repoRoot, 'lessons', '01-pod.md'), '--exit-zero'], { LESSONC_NO_CACHE: '1' });
    expect(loaded.some((s) => /remark-lessonc\/(index|lib\/plugin)\.ts|\.\/plugin\.ts/.test(s))).toBe(true);
    for (const unused of ['playwright-core', 'diff', 'vscode-languageserver', './handouts.ts', './fix.ts']) expect(loaded, unused).not.toContain(unused);
    expect(loaded.filter((s) => s.includes('/import/'))).toEqual([]);
  }, 60_000);

  it('a check answered from the cache loads no compiler', async () => {
    const lesson = path.join(repoRoot, 'lessons', '02-init-containers.md');
    await loadedBy(['check', lesson, '--exit-zero']);
    const loaded = await loadedBy(['check', lesson, '--exit-zero']);
    expect(loaded.filter((s) => /plugin\.ts|micromark|^unified$|^yaml$/.test(s))).toEqual([]);
  }, 60_000);
});
