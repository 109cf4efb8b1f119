import { pathToFileURL } from 'node:url';
import path from 'node:path';

/** The lessonc checkout: rule links (`docs/rules.md#k8stype`) are relative to it. */
const packageRoot = pathToFileURL(`${path.resolve(import.meta.dirname, '..', '..')}/`);

/**
 * A rule's documentation as an absolute URI, as LSP's `codeDescription.href` and SARIF's `helpUri`
 * need: `LESSONC_RULE_DOCS` (e.g. the repository's web address) when set, else the file in this checkout.
 */
export function ruleDocUri(url: string, base: string | undefined = process.env.LESSONC_RULE_DOCS): string {
  return new URL(url, base ? (base.endsWith('/') ? base : `${base}/`) : packageRoot).href;
}
