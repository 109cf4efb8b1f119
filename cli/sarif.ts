/**
 * `lessonc check --format sarif`: SARIF 2.1.0 for code-scanning upload. One run; the rules that were
 * reported, each with its description and documentation link; each problem at its region; each fix as
 * SARIF `fixes` with the replacements `lessonc fix` would make (marked safe or unsafe in its properties).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import packageJson from '../package.json' with { type: 'json' };
import { ruleUrl } from '../plugins/remark-lessonc/lib/rule-docs.ts';
import type { FileReport, ReportedEdit } from './check.ts';
import { ruleDocUri } from './lsp/rule-links.ts';
import { describeRule, ruleDescriptions } from './rule-descriptions.ts';

const levels = { error: 'error', warning: 'warning', info: 'note' } as const;

function region(edit: Pick<ReportedEdit, 'line' | 'column' | 'endLine' | 'endColumn'>) {
  return { startLine: edit.line, startColumn: edit.column, endLine: edit.endLine, endColumn: edit.endColumn };
}

/** The SARIF log of `reports`; file locations are relative to `root` (the repository, for code scanning). */
export function toSarif(reports: FileReport[], root: string = process.cwd()): object {
  const descriptions = ruleDescriptions();
  const ruleIds = [...new Set(reports.flatMap((report) => report.messages.map((message) => message.ruleId)))].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const artifact = (file: string) => ({ uri: encodeURI(path.relative(root, path.resolve(file)).split(path.sep).join('/')), uriBaseId: 'SRCROOT' });
  return {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'lessonc',
            version: packageJson.version,
            rules: ruleIds.map((id) => {
              const description = describeRule(descriptions, id);
              return { id, ...(description ? { shortDescription: { text: description } } : {}), helpUri: ruleDocUri(ruleUrl(id)) };
            }),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(`${path.resolve(root)}/`).href } },
        columnKind: 'utf16CodeUnits',
        artifacts: reports.map((report) => ({ location: artifact(report.file) })),
        results: reports.flatMap((report, fileIndex) =>
          report.messages.map((message) => ({
            ruleId: message.ruleId,
            ruleIndex: ruleIndex.get(message.ruleId)!,
            level: levels[message.severity],
            message: { text: message.message },
            locations: [{ physicalLocation: { artifactLocation: { ...artifact(report.file), index: fileIndex }, region: region(message) } }],
            ...(message.fix && message.fix.edits.length > 0
              ? {
                  fixes: [
                    {
                      description: { text: message.fix.description },
                      artifactChanges: [
                        {
                          artifactLocation: { ...artifact(report.file), index: fileIndex },
                          replacements: message.fix.edits.map((edit) => ({ deletedRegion: region(edit), insertedContent: { text: edit.text } })),
                        },
                      ],
                      properties: { safe: message.fix.safe },
                    },
                  ],
                }
              : {}),
          })),
        ),
      },
    ],
  };
}
