/**
 * The real kubectl's verdict on one command line: run through bash with KUBECONFIG=/dev/null and a
 * fresh HOME, so no server is reachable. kubectl rejects a line when it stops with one of its own
 * usage errors before doing anything (or the shell stops first); any other failure (no server, no
 * context, missing file) means it accepted the syntax.
 */
import { execFile } from 'node:child_process';

/** kubectl's own usage errors: the command line itself is wrong. */
export const usageErrorPatterns: RegExp[] = [
  /unknown (shorthand )?flag/,
  /unknown command/,
  /flag needs an argument/,
  /invalid argument ".*" for ".*" flag/,
  /required flag\(s\) .* not set/,
  /is not supported anymore/,
  /bad flag syntax/,
  /unexpected args/i,
  /unexpected arguments/,
  /You must (specify|provide)/,
  /Required resource not specified/i,
  /is a required argument/,
  /exactly one NAME is required/,
  /at least \d+ argument is required/,
  /you must specify at least one command/,
  /must specify one of -f and -k/,
  /source and destination are required/,
  /are required for port-forward/,
  /must be specified/,
  /^error: USAGE:/m,
  /^error: expected '/m,
  /Invalid dry-run value/,
  /flags cannot be placed before plugin name/,
  /is required for \w+/,
  /at least one .* update is required/,
  /Shell not specified/,
  /Too many arguments/,
  /We accept only this format/,
  /should only be used for attached containers/,
  /invalid restart policy/,
  /unknown profile/,
  /invalid cascade value/,
  /invalid - validate option/,
  // The shell stops before kubectl runs: an unclosed quote, a misspelt program name.
  /unexpected EOF while looking for matching/,
  /command not found/,
];

export interface KubectlVerdict {
  rejected: boolean;
  /** The first lines of what it printed, for reports. */
  output: string;
  /** Everything it printed on stderr (warnings included). */
  stderr: string;
}

export function runKubectl(commandText: string, home: string): Promise<KubectlVerdict> {
  return new Promise((resolve) => {
    // Through bash, so quoting and expansion are the shell's, not ours.
    const child = execFile('/bin/bash', ['-c', commandText], {
      env: { PATH: '/usr/bin:/bin', KUBECONFIG: '/dev/null', HOME: home, secret_name: '' },
      cwd: home,
      timeout: 5_000,
      maxBuffer: 4 * 1024 * 1024,
    }, (error, stdout, stderr) => {
      const output = `${stderr}\n${stdout}`;
      // A group command without subcommand prints its help (and kubectl with no command at all).
      const printedHelp = /^Use "kubectl .*--help" for more information/m.test(stdout) && !commandText.includes('--help') && !commandText.includes(' -h');
      const rejected = usageErrorPatterns.some((pattern) => pattern.test(stderr)) || (printedHelp && Boolean(error));
      resolve({ rejected, output: output.split('\n').filter((l) => l && !/memcache\.go/.test(l)).slice(0, 3).join(' | '), stderr });
    });
    child.stdin?.end();
  });
}

/** Runs `task` over `items`, at most `limit` at a time (kubectl processes are not cheap). */
export async function mapLimited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  }));
  return results;
}
