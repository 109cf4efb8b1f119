/**
 * Checks one YAML snippet: YAML syntax, then (for manifests and fragments of Kubernetes types) the
 * Kubernetes rules in rules/. Diagnostics carry offsets into the snippet and fixes as text edits.
 */
import { isMap, isPair, isScalar, visit as visitYaml, type Node, type YAMLMap, type Scalar } from 'yaml';
import type { Diagnostic, SnippetMeta } from '../types.ts';
import { checkYamlSyntax } from '../yaml/check-syntax.ts';
import { parseYamlDocuments } from '../yaml/parse.ts';
import { hasTabIndent, lineSpans, tabIndentFix } from '../yaml/tab-indent.ts';
import { applyEdits } from '../fix/apply.ts';
import { type KubernetesSchema, type ResolvedShape, loadSchema, shortTypeName } from './schema.ts';
import { classifyWithSchema, type Classification } from './classify.ts';
import { buildOutline, resolveOutline, type Outline } from './outline.ts';
import { chooseTabWidth } from './tab-width.ts';
import { type K8sDiagnostic, ruleUrl } from './diagnostic.ts';
import { newWalkContext, walkValue, keyText, type Visit } from './walk.ts';
import { checkMissingColons } from './rules/missing-colon.ts';
import { unknownKind } from './rules/unknown-kind.ts';
import { wrongApiVersion } from './rules/api-version.ts';
import { checkTopLevelName } from './rules/required.ts';
import { editDistance } from '../edit-distance.ts';

export interface CheckContext {
  kubernetesVersion: string;
}

export interface CheckResult {
  classification: Classification;
  diagnostics: K8sDiagnostic[];
}

function rootTypesFor(schema: KubernetesSchema, classification: Classification): (outline: Outline) => (ResolvedShape | null)[] {
  return (outline) =>
    outline.roots.map((roots) => {
      if (classification.kind === 'yaml-fragment') return classification.assumedTypeName ? schema.type(classification.assumedTypeName) ?? null : null;
      const kind = roots.find((e) => e.key === 'kind')?.value?.replace(/^["']|["']$/g, '');
      if (!kind) return null;
      const apiVersion = roots.find((e) => e.key && e.key.length >= 6 && editDistance(e.key, 'apiVersion') <= 2)?.value?.replace(/^["']|["']$/g, '') ?? '';
      const typeName = schema.typeForKind(apiVersion, kind) ?? (schema.apiVersionsOfKind(kind)[0] ? schema.typeForKind(schema.apiVersionsOfKind(kind)[0], kind) : undefined);
      return typeName ? schema.type(typeName) ?? null : null;
    });
}

/** Offsets covered by flow collections, block scalars and quoted scalars: no field lines there. */
function opaqueRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const doc of parseYamlDocuments(text)) {
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

function findPair(map: YAMLMap, name: string) {
  return map.items.find((p) => isPair(p) && keyText(p) === name);
}

function validateDocuments(text: string, schema: KubernetesSchema, classification: Classification): K8sDiagnostic[] {
  const findings: K8sDiagnostic[] = [];
  const seenCustom = new Set<string>();
  for (const doc of parseYamlDocuments(text)) {
    const contents = doc.contents as Node | null;
    if (!contents || (isScalar(contents) && (contents as Scalar).value === null)) continue;
    const fragment = classification.kind === 'yaml-fragment';
    const ctx = newWalkContext(schema, text, doc, fragment);
    if (fragment) {
      if (!classification.assumedTypeName) continue;
      walkValue(contents, { ref: classification.assumedTypeName }, [], ctx);
      for (const finding of ctx.findings) finding.message += ` (read as a \`${classification.assumedType}\` fragment)`;
      findings.push(...ctx.findings);
      continue;
    }
    if (!isMap(contents)) {
      findings.push({ ruleId: 'k8s/type', severity: 'error', message: 'Unexpected value, expected a Kubernetes object (a map with `apiVersion` and `kind`)', start: contents.range![0], end: Math.max(contents.range![0] + 1, contents.range![1]), url: ruleUrl('k8s/type') });
      continue;
    }
    const map = contents as YAMLMap;
    const apiPair = findPair(map, 'apiVersion') ?? map.items.find((p) => isPair(p) && (keyText(p) ?? '').length >= 6 && editDistance(keyText(p)!, 'apiVersion') <= 2);
    const kindPair = findPair(map, 'kind');
    const rootRange = (): [number, number] => {
      const first = map.items[0]?.key as Node | undefined;
      return first?.range ? [first.range[0], first.range[1]] : [map.range![0], map.range![0] + 1];
    };
    const missing = (field: string): void => {
      const [start, end] = rootRange();
      findings.push({ ruleId: 'k8s/required', severity: 'error', message: `Missing required field \`${field}\` in a Kubernetes object`, start, end, fieldPath: field, url: ruleUrl('k8s/required') });
    };
    if (!apiPair) missing('apiVersion');
    if (!kindPair) missing('kind');
    let kind = kindPair && isScalar(kindPair.value) ? String((kindPair.value as Scalar).value ?? '') : '';
    const apiVersion = apiPair && isScalar(apiPair.value) ? String((apiPair.value as Scalar).value ?? '') : '';
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
        const served = schema.apiVersionsOfKind(kind);
        typeName = schema.typeForKind(served[served.length - 1], kind);
      } else {
        const finding = unknownKind(schema, apiVersion, kind, valueRange, seenCustom);
        if (finding) findings.push(finding);
        const sameCase = schema.isBuiltInGroup(apiVersion) ? Object.keys(schema.data.gvk[apiVersion] ?? {}).find((k) => k.toLowerCase() === kind.toLowerCase()) : undefined;
        if (!sameCase) continue;
        kind = sameCase;
        typeName = schema.typeForKind(apiVersion, sameCase);
      }
    }
    if (!typeName) continue;
    ctx.kind = kind;
    walkValue(map, { ref: typeName }, [], ctx);
    const root: Visit = { node: map, path: [], shape: schema.type(typeName)!.shape, typeName };
    checkTopLevelName(root, ctx);
    findings.push(...ctx.findings);
  }
  return findings;
}

export function checkYamlSnippetDetailed(text: string, meta: SnippetMeta, context: CheckContext): CheckResult {
  const schema = loadSchema(context.kubernetesVersion);
  const classification = classifyWithSchema(text, meta, schema);
  if (meta.check === false) return { classification, diagnostics: [] };
  const kubernetes = classification.kind === 'manifest' || classification.kind === 'yaml-fragment';
  const rootTypes = rootTypesFor(schema, classification);
  const tabs = hasTabIndent(text);
  const tabWidth = tabs && kubernetes ? chooseTabWidth(text, schema, rootTypes) : 4;
  const syntax: K8sDiagnostic[] = checkYamlSyntax(text, tabs && kubernetes ? { tabFix: tabIndentFix(text, tabWidth) } : {});
  if (!kubernetes) return { classification, diagnostics: syntax };

  const outline = buildOutline(text, tabWidth);
  resolveOutline(outline, schema, rootTypes(outline));
  const parseOk = !syntax.some((d) => d.severity === 'error');
  const opaque = parseOk ? opaqueRanges(text) : [];
  const missingColons = checkMissingColons(outline, text, (offset) => opaque.some(([s, e]) => offset >= s && offset < e));
  const colonLines = missingColons.map((d) => [text.lastIndexOf('\n', d.start - 1) + 1, d.end] as const);
  const onColonLine = (offset: number): boolean => colonLines.some(([s, e]) => offset >= s && offset <= e);
  // A missing colon explains the parser's complaints about that line; keep only tab complaints.
  const diagnostics: K8sDiagnostic[] = syntax.filter((d) => d.ruleId === 'yaml/tab-indent' || !onColonLine(d.start));
  diagnostics.push(...missingColons);
  if (parseOk) {
    for (const finding of validateDocuments(text, schema, classification)) {
      // `path /` + `port 80` parse as one string where a map is expected: the colons explain it.
      if (finding.ruleId === 'k8s/type' && colonLines.some(([s]) => s >= finding.start && s < finding.end)) continue;
      diagnostics.push(finding);
    }
  }
  if (tabs && !parseOk) diagnostics.push(...lookPastTabs(text, tabWidth, meta, context, diagnostics));
  return { classification, diagnostics: diagnostics.sort((a, b) => a.start - b.start || a.end - b.end) };
}

/**
 * Tab indentation stops the parser, so the schema rules would only speak after `fix`. To report every
 * mistake in one `check`, read the snippet with its tabs expanded and report the Kubernetes findings
 * at the same places in the original. They carry no fix: their edits would be against the expanded
 * text; the next fix pass, after the tab fix, offers them.
 */
function lookPastTabs(text: string, tabWidth: number, meta: SnippetMeta, context: CheckContext, known: K8sDiagnostic[]): K8sDiagnostic[] {
  const expanded = applyEdits(text, tabIndentFix(text, tabWidth).edits);
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

export function checkYamlSnippet(text: string, meta: SnippetMeta, context: CheckContext): Diagnostic[] {
  return checkYamlSnippetDetailed(text, meta, context).diagnostics;
}

export { shortTypeName };
