import { boundedToJs, parseYamlDocuments } from '../yaml/parse.ts';
import { editDistance } from '../edit-distance.ts';
import { escapeRegExp } from '../regexp.ts';
import type { Diagnostic, Snippet } from '../types.ts';
import type { LessonDiagnostic, LessonRuleContext } from '../validate.ts';
import { say, sayFix } from '../messages.ts';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

interface ContainerLike {
  command?: unknown;
  args?: unknown;
  livenessProbe?: { exec?: { command?: unknown } };
  readinessProbe?: { exec?: { command?: unknown } };
  startupProbe?: { exec?: { command?: unknown } };
}

/**
 * Cross-checks a container's own script with its exec probes: when the script creates the file the
 * probe looks for but removes a slightly different path (`touch /tmp/healthy; rm -rf /tmp/healty`),
 * the file never goes away and the probe can never fail — the lesson's demonstration cannot work.
 */
export function checkProbeFiles(snippets: readonly Snippet[], context: LessonRuleContext): LessonDiagnostic[] {
  return snippets
    .filter((snippet) => snippet.kind === 'manifest')
    .flatMap((snippet) => probeFileProblems(snippet, context).map((d) => ({ ...d, snippetIndex: snippet.index })));
}

function probeFileProblems(snippet: Snippet, context: LessonRuleContext): Diagnostic[] {
  const corrected = context.corrected(snippet);
  const diagnostics: Diagnostic[] = [];
  for (const document of parseYamlDocuments(corrected)) {
    if (!('contents' in document) || document.errors.length > 0) continue;
    for (const container of containersOf(boundedToJs(document))) {
      const script = [container.command, container.args].flatMap((part) => (Array.isArray(part) ? part.map(String) : [])).join(' ');
      const created = new Set([...script.matchAll(/\btouch\s+(\/\S+?)(?=[;\s&|]|$)/g)].map((m) => m[1]!));
      const removed = [...script.matchAll(/\brm\s+(?:-\S+\s+)*(\/\S+?)(?=[;\s&|]|$)/g)].map((m) => m[1]!);
      for (const probe of PROBES) {
        const probeCommand = container[probe]?.exec?.command;
        const checked = Array.isArray(probeCommand) ? probeCommand.map(String).filter((arg) => arg.startsWith('/')) : [];
        for (const path of checked) {
          if (!created.has(path) || removed.includes(path)) continue;
          for (const near of removed.filter((r) => editDistance(r, path) <= 2)) {
            const at = originalOffset(snippet.value, near);
            if (at === -1) continue;
            diagnostics.push({
              ruleId: 'state/probe-never-fails',
              severity: 'warning',
              ...say('rule.state/probe-never-fails.removesOther', { removed: near, path, probe }),
              start: at,
              end: at + near.length,
              fix: { safe: false, ...sayFix('fix.replace', { found: near, expected: path }), edits: [{ start: at, end: at + near.length, text: path }] },
            });
          }
        }
      }
    }
  }
  return diagnostics;
}

/** Where the removed path is written in the original snippet (after an `rm`). */
function originalOffset(text: string, path: string): number {
  const match = new RegExp(`\\brm\\s+(?:-\\S+\\s+)*(${escapeRegExp(path)})`).exec(text);
  return match ? match.index + match[0].length - path.length : -1;
}

function containersOf(object: unknown): ContainerLike[] {
  const spec = podSpecOf(object);
  if (!spec) return [];
  return ['containers', 'initContainers'].flatMap((key) => (Array.isArray(spec[key]) ? (spec[key] as ContainerLike[]) : []));
}

function podSpecOf(object: unknown): Record<string, unknown> | undefined {
  const record = object as { kind?: unknown; spec?: Record<string, unknown> } | null;
  if (!record?.spec) return undefined;
  if (record.kind === 'Pod') return record.spec;
  const template = record.spec.template as { spec?: Record<string, unknown> } | undefined;
  if (template?.spec) return template.spec;
  const jobTemplate = record.spec.jobTemplate as { spec?: { template?: { spec?: Record<string, unknown> } } } | undefined;
  return jobTemplate?.spec?.template?.spec;
}
