/**
 * Checks one YAML snippet: YAML syntax, then (for manifests and fragments of Kubernetes types) the
 * Kubernetes rules in rules/. Diagnostics carry offsets into the snippet and fixes as text edits.
 */
import { isMap, isPair, isScalar, visit as visitYaml, type Document, type Node, type YAMLMap, type Scalar } from 'yaml';
import type { Diagnostic, Fix, SnippetMeta } from '../types.ts';
import { checkYamlSyntax } from '../yaml/check-syntax.ts';
import { parseYamlDocuments } from '../yaml/parse.ts';
import { aliasLimitProblems, yamlTextLimit, type YamlLimitProblem } from '../yaml/limits.ts';
import { hasTabIndent, tabIndentFix } from '../yaml/tab-indent.ts';
import { lineSpans } from '../yaml/lines.ts';
import { applyEdits } from '../fix/apply.ts';
import { isJsonSnippet, safeCanonicalIndentEdits } from '../yaml/canonical-indent.ts';
import { lostFragmentIndentation, lostIndentation } from './lost-indentation.ts';
import { type KubernetesSchema, loadSchema } from './schema.ts';
import { classifyWithSchema, type Classification } from './classify.ts';
import { buildOutline, resolveOutline, unquote } from './outline.ts';
import { chooseTabWidth, type RootTypes } from './tab-width.ts';
import { type K8sDiagnostic, ruleUrl } from './diagnostic.ts';
import { walkValue, walkDocument } from './walk.ts';
import { newWalkContext, keyText, findPair, isNullNode, nodeRange, type Visit } from './ast.ts';
import { say, sayFix } from '../messages.ts';
import { isPlaceholder } from '../placeholder.ts';
import { checkMissingColons } from './rules/missing-colon.ts';
import { unknownKind } from './rules/unknown-kind.ts';
import { wrongApiVersion } from './rules/api-version.ts';
import { emptyFieldFinding } from './rules/required.ts';
import { editDistance } from '../edit-distance.ts';
import { lineStartOf, lineEndOf } from './text-lines.ts';

export interface CheckContext {
  kubernetesVersion: string;
  /** The snippet leaves parts out (a `...` line): required fields are not expected, as in a fragment. */
  excerpt?: boolean;
}

export interface CheckResult {
  classification: Classification;
  diagnostics: K8sDiagnostic[];
}

/** `apiVersion`, or a misspelling of it (`apiVerison`): the key that makes a map a manifest. */
function isApiVersionKey(key: string | undefined): boolean {
  return !!key && key.length >= 6 && editDistance(key, 'apiVersion') <= 2;
}

/**
 * The type each document's outline is resolved against: the fragment's type, or the manifest's kind
 * under its apiVersion (the newest served one when the apiVersion is wrong, as validateDocuments does).
 */
export function rootTypesFor(schema: KubernetesSchema, classification: Classification): RootTypes {
  if (classification.kind === 'yaml-fragment') {
    const root = classification.assumedTypeName ? schema.type(classification.assumedTypeName) ?? null : null;
    return (outline) => outline.roots.map(() => root);
  }
  return (outline) =>
    outline.roots.map((roots) => {
      const kind = unquote(roots.find((e) => e.key === 'kind')?.value ?? '');
      if (!kind) return null;
      const apiVersion = unquote(roots.find((e) => isApiVersionKey(e.key))?.value ?? '');
      const typeName = schema.typeForKind(apiVersion, kind) ?? schema.newestTypeForKind(kind);
      return typeName ? schema.type(typeName) ?? null : null;
    });
}

/** Offsets covered by flow collections, block scalars and quoted scalars: no field lines there. */
function opaqueRanges(documents: Document.Parsed[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const doc of documents) {
    visitYaml(doc, (_key, node) => {
      const n = node as Node & { flow?: boolean; type?: string };
      if (!n || !n.range) return;
      if (n.flow || (isScalar(n) && n.type && n.type !== 'PLAIN')) {
        ranges.push([n.range[0], n.range[1]]);
        return visitYaml.SKIP;
      }
      return undefined;
    });
  }
  return ranges;
}

function scalarText(value: unknown): string {
  return isScalar(value) ? String((value as Scalar).value ?? '') : '';
}

function validateDocuments(text: string, documents: Document.Parsed[], schema: KubernetesSchema, classification: Classification, excerpt = false): K8sDiagnostic[] {
  const findings: K8sDiagnostic[] = [];
  const seenCustom = new Set<string>();
  const fragment = classification.kind === 'yaml-fragment';
  for (const doc of documents) {
    const contents = doc.contents as Node | null;
    if (!contents || (isScalar(contents) && (contents as Scalar).value === null)) continue;
    const ctx = newWalkContext(schema, text, doc, fragment || excerpt);
    if (fragment) {
      if (!classification.assumedTypeName) continue;
      walkValue(contents, { ref: classification.assumedTypeName }, [], ctx);
      findings.push(...ctx.findings);
      continue;
    }
    if (!isMap(contents)) {
      findings.push({ ruleId: 'k8s/type', severity: 'error', ...say('rule.k8s/type.notAnObject'), start: contents.range![0], end: Math.max(contents.range![0] + 1, contents.range![1]), url: ruleUrl('k8s/type') });
      continue;
    }
    const map = contents as YAMLMap;
    const apiPair = findPair(map, 'apiVersion') ?? map.items.find((p) => isPair(p) && isApiVersionKey(keyText(p)));
    const kindPair = findPair(map, 'kind');
    const missing = (field: string): void => {
      const first = map.items[0]?.key as Node | undefined;
      const [start, end] = first?.range ? [first.range[0], first.range[1]] : [map.range![0], map.range![0] + 1];
      findings.push({ ruleId: 'k8s/required', severity: 'error', ...say('rule.k8s/required.topLevel', { field }), start, end, fieldPath: field, url: ruleUrl('k8s/required') });
    };
    // `apiVersion:` with nothing after it: the field is there, its value is not.
    const empty = (pair: typeof apiPair, field: string): void => {
      if (!pair || !isNullNode(pair.value as Node | null)) return;
      findings.push(emptyFieldFinding(pair.key as Node, field, scalarText(kindPair?.value) || 'object', field));
    };
    empty(apiPair, 'apiVersion');
    empty(kindPair, 'kind');
    if (!apiPair && !excerpt) missing('apiVersion');
    if (!kindPair && !excerpt) missing('kind');
    let kind = scalarText(kindPair?.value);
    // `kind: <Kind>`: any kind, so nothing to check against; `apiVersion: <version>`: any served one.
    if (isPlaceholder(kind)) continue;
    const apiVersion = isPlaceholder(scalarText(apiPair?.value)) ? schema.apiVersionsOfKind(kind).at(-1) ?? '' : scalarText(apiPair?.value);
    if (!kind) {
      if (classification.assumedTypeName) {
        walkValue(map, { ref: classification.assumedTypeName }, [], ctx);
        findings.push(...ctx.findings);
      }
      continue;
    }
    let typeName = schema.typeForKind(apiVersion, kind);
    if (!typeName) {
      const kindRange = (kindPair!.value as Node).range!;
      const valueRange: [number, number] = [kindRange[0], kindRange[1]];
      if (schema.apiVersionsOfKind(kind).length) {
        const apiRange = apiPair?.value ? (apiPair.value as Node).range! : valueRange;
        const wrong = apiVersion ? wrongApiVersion(schema, apiVersion, kind, [apiRange[0], apiRange[1]]) : undefined;
        if (wrong) findings.push(wrong);
        typeName = schema.newestTypeForKind(kind);
      } else {
        const { finding, checkAs } = unknownKind(schema, apiVersion, kind, valueRange, seenCustom);
        if (finding) findings.push(finding);
        // A letter-case slip (`configmap`) or a single near kind (`Deploymnet`) is validated as that kind.
        if (!checkAs) continue;
        kind = checkAs;
        typeName = schema.typeForKind(apiVersion, checkAs);
      }
    }
    if (!typeName) continue;
    ctx.kind = kind;
    const root: Visit = { node: map, path: [], shape: schema.type(typeName)!.shape, typeName };
    walkDocument(root, ctx);
    findings.push(...ctx.findings);
  }
  return findings;
}

export function checkYamlSnippetDetailed(text: string, meta: SnippetMeta, context: CheckContext): CheckResult {
  const schema = loadSchema(context.kubernetesVersion);
  if (meta.check === false) return { classification: classifyWithSchema(text, meta, schema), diagnostics: [] };
  // Too large or too deeply nested to parse safely: that is the one thing to say.
  const limit = yamlTextLimit(text);
  if (limit) return { classification: { kind: 'yaml' }, diagnostics: [limitDiagnostic(limit)] };
  // A line that is only `...` or `…` stands for what the author left out: read it as a blank line
  // (same length, so every offset holds).
  const elided = blankElisions(text);
  if (elided !== text) return checkYamlSnippetDetailed(elided, meta, { ...context, excerpt: true });
  const documents = parseYamlDocuments(text);
  const classification = classifyWithSchema(text, meta, schema, documents);
  const kubernetes = classification.kind === 'manifest' || classification.kind === 'yaml-fragment';
  const rootTypes = rootTypesFor(schema, classification);
  const tabs = hasTabIndent(text);
  // Every line at column 0: the one thing to say is where the indentation goes; the rest follows from it.
  const flat = !tabs && !isJsonSnippet(text, meta);
  const lost = flat && kubernetes ? lostIndentation(text, schema, classification.assumedTypeName) : flat && classification.kind === 'yaml' ? lostFragmentIndentation(text, schema) : undefined;
  if (lost) return { classification, diagnostics: [lost] };
  const tabWidth = tabs && kubernetes ? chooseTabWidth(text, schema, rootTypes) : 4;
  const tabFix = tabs && kubernetes ? tabIndentFix(text, tabWidth, { canonical: !isJsonSnippet(text, meta) }) : undefined;
  const syntax: K8sDiagnostic[] = [...checkYamlSyntax(text, { tabFix, documents }), ...aliasLimitProblems(documents).map(limitDiagnostic)];
  if (!kubernetes) return { classification, diagnostics: syntax };

  const outline = buildOutline(text, tabWidth);
  resolveOutline(outline, schema, rootTypes(outline));
  const parseOk = !syntax.some((d) => d.severity === 'error');
  const opaque = parseOk ? opaqueRanges(documents) : [];
  const missingColons = checkMissingColons(outline, text, (offset) => opaque.some(([s, e]) => offset >= s && offset < e));
  const colonLines = missingColons.map((d) => [text.lastIndexOf('\n', d.start - 1) + 1, d.end] as const);
  const onColonLine = (offset: number): boolean => colonLines.some(([s, e]) => offset >= s && offset <= e);
  // A missing colon explains the parser's complaints about that line; keep only tab complaints.
  const diagnostics: K8sDiagnostic[] = syntax.filter((d) => d.ruleId === 'yaml/tab-indent' || !onColonLine(d.start));
  diagnostics.push(...missingColons);
  // A syntax error does not hide the rest: the parser recovers, and the schema rules check what it
  // read, except on the lines around an error (what the parser made of them is a guess).
  const schemaFindings = parseOk ? validateDocuments(text, documents, schema, classification, context.excerpt) : !tabFix ? lookPastSyntaxErrors(text, schema, classification, context.excerpt) : [];
  for (const finding of schemaFindings) {
    // `path /` + `port 80` parse as one string where a map is expected: the colons explain it.
    if (finding.ruleId === 'k8s/type' && colonLines.some(([s, e]) => finding.start <= e && finding.end > s)) continue;
    diagnostics.push(finding);
  }
  if (tabFix && !parseOk) diagnostics.push(...lookPastTabs(text, tabFix, meta, context, diagnostics));
  const reindent = parseOk && !tabs ? canonicalIndentFinding(text, meta, diagnostics) : undefined;
  if (reindent) diagnostics.push(reindent);
  return { classification, diagnostics: diagnostics.sort((a, b) => a.start - b.start || a.end - b.end) };
}

/**
 * Tab indentation stops the parser, so the schema rules would only speak after `fix`. To report every
 * mistake in one `check`, read the snippet with its tabs expanded and report the Kubernetes findings
 * at the same places in the original. They carry no fix: their edits would be against the expanded
 * text; the next fix pass, after the tab fix, offers them.
 */
function lookPastTabs(text: string, tabFix: Fix, meta: SnippetMeta, context: CheckContext, known: K8sDiagnostic[]): K8sDiagnostic[] {
  const expanded = applyEdits(text, tabFix.edits);
  const toOriginal = indentationMap(expanded, text);
  const seen = new Set(known.map((d) => `${d.ruleId} ${d.start}`));
  return checkYamlSnippetDetailed(expanded, meta, context)
    .diagnostics.filter((d) => d.ruleId.startsWith('k8s/'))
    .map(({ fix: _fix, ...d }) => ({ ...d, start: toOriginal(d.start), end: toOriginal(d.end) }))
    .filter((d) => !seen.has(`${d.ruleId} ${d.start}`));
}

/** Maps offsets of `from` to `to`, two texts that differ only in the leading whitespace of lines. */
function indentationMap(from: string, to: string): (offset: number) => number {
  const fromLines = lineSpans(from);
  const toLines = lineSpans(to);
  const indent = (value: string, span: { start: number; end: number }) => /^[ \t]*/.exec(value.slice(span.start, span.end))![0].length;
  return (offset) => {
    let i = fromLines.length - 1;
    while (i > 0 && fromLines[i]!.start > offset) i--;
    const source = fromLines[i]!;
    const target = toLines[i] ?? toLines[toLines.length - 1]!;
    const column = offset - source.start;
    const fromIndent = indent(from, source);
    const toIndent = indent(to, target);
    return target.start + (column >= fromIndent ? column - fromIndent + toIndent : Math.min(column, toIndent));
  };
}

/**
 * A syntax error stops nothing else: the lines the parser cannot read are blanked (spaces, so every
 * offset stays) until the rest parses, and the schema rules check that. Findings about a missing
 * field or a split item are left out (a blanked line may have held the field), and so are findings
 * and fixes touching a blanked line.
 */
function lookPastSyntaxErrors(text: string, schema: KubernetesSchema, classification: Classification, excerpt = false): K8sDiagnostic[] {
  let readable = text;
  const blanked: [number, number][] = [];
  const firstErrors = new Set<number>();
  for (let round = 0; round < 12; round++) {
    const errors = parseYamlDocuments(readable).flatMap((doc) => doc.errors);
    if (!errors.length) {
      const inBlanked = (start: number, end: number): boolean => blanked.some(([s, e]) => start <= e && end >= s);
      return validateDocuments(readable, parseYamlDocuments(readable), schema, classification, excerpt)
        .filter((d) => d.ruleId !== 'k8s/required' && d.ruleId !== 'k8s/split-list-item' && !inBlanked(d.start, d.end))
        .map((d) => (d.fix?.edits.some((e) => inBlanked(e.start, e.end)) ? { ...d, fix: undefined } : d));
    }
    // One line a round: blanking a line changes what the parser makes of the next ones.
    const error = errors[0]!;
    let start = lineStartOf(readable, Math.max(error.pos[0], error.pos[1] - 1));
    // A line that read fine before a blank now runs on into the stray line after it (`kind: Pod`
    // before an indented `labels:`): blank that line instead.
    if (round > 0 && !firstErrors.has(start)) {
      const next = readable.slice(lineEndOf(readable, start)).search(/\n[ \t]*[^\s#]/);
      if (next >= 0) start = lineEndOf(readable, start) + next + 1;
    }
    // An unclosed quote is reported where the text ends: blank the line that opens it.
    if (error.code === 'MISSING_CHAR') {
      const lines = readable.slice(0, start).split('\n');
      let offset = start;
      for (let i = lines.length - 1; i >= 0; i--) {
        offset -= lines[i]!.length + (i < lines.length - 1 ? 1 : 0);
        if ((lines[i]!.match(/"/g)?.length ?? 0) % 2 === 1 || (lines[i]!.match(/'/g)?.length ?? 0) % 2 === 1) {
          start = offset;
          break;
        }
      }
    }
    if (round === 0) for (const e of errors) firstErrors.add(lineStartOf(readable, e.pos[0])).add(lineStartOf(readable, Math.max(e.pos[0], e.pos[1] - 1)));
    const newline = readable.indexOf('\n', start);
    const end = newline < 0 ? readable.length : newline;
    if (end <= start || readable.slice(start, end).trim() === '') return [];
    blanked.push([start, end]);
    readable = readable.slice(0, start) + readable.slice(start, end).replace(/[^\r]/g, ' ') + readable.slice(end);
  }
  return [];
}

/**
 * A snippet that is being fixed comes out in canonical indentation (learners copy the fixed text):
 * when some other fix is offered and the snippet is not indented 2 spaces a level with list items at
 * their key, an info with the safe re-indent. Never on its own, so correct snippets keep their layout.
 */
function canonicalIndentFinding(text: string, meta: SnippetMeta, diagnostics: K8sDiagnostic[]): K8sDiagnostic | undefined {
  if (isJsonSnippet(text, meta) || !diagnostics.some((d) => d.fix)) return undefined;
  const edits = safeCanonicalIndentEdits(text);
  if (!edits) return undefined;
  const first = edits[0]!;
  const lineEnd = text.indexOf('\n', first.start);
  return {
    ruleId: 'yaml/indent',
    severity: 'info',
    ...say('rule.yaml/indent.canonical'),
    start: first.start,
    end: Math.max(first.start + 1, lineEnd < 0 ? text.length : lineEnd),
    url: ruleUrl('yaml/indent'),
    fix: { safe: true, ...sayFix('fix.yaml/indent.canonical'), edits },
  };
}

/** Lines that are only `...` (indented: at column 0 it ends a YAML document) or `…`, blanked. */
function blankElisions(text: string): string {
  return text.replace(/^(?:[ \t]+\.\.\.|[ \t]*…)[ \t]*(?:#.*)?$/gm, (line) => ' '.repeat(line.length));
}

function limitDiagnostic(problem: YamlLimitProblem): K8sDiagnostic {
  return { ...problem, severity: 'error', url: ruleUrl(problem.ruleId) };
}

export function checkYamlSnippet(text: string, meta: SnippetMeta, context: CheckContext): Diagnostic[] {
  return checkYamlSnippetDetailed(text, meta, context).diagnostics;
}
