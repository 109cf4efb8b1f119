/** A usage error: the CLI prints it with the usage text and exits with code 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/**
 * Minimal option parser: `--name value`, `--name=value`, `-o value`, and boolean flags. Names not in
 * `spec` are usage errors, so a typo never silently does nothing.
 */
export function parseArgs(argv: string[], spec: Record<string, 'boolean' | 'string'>, aliases: Record<string, string> = {}): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [rawName, inlineValue] = arg.startsWith('--') ? splitOnce(arg.slice(2)) : [aliases[arg.slice(1)] ?? arg.slice(1), undefined];
    const type = spec[rawName];
    if (!type) throw new UsageError(`Unknown option \`${arg}\``);
    if (type === 'boolean') {
      if (inlineValue !== undefined) throw new UsageError(`Option \`--${rawName}\` takes no value`);
      flags.set(rawName, true);
    } else {
      const value = inlineValue ?? argv[++i];
      if (value === undefined) throw new UsageError(`Option \`--${rawName}\` needs a value`);
      flags.set(rawName, value);
    }
  }
  return { positionals, flags };
}

function splitOnce(text: string): [string, string | undefined] {
  const index = text.indexOf('=');
  return index === -1 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}
