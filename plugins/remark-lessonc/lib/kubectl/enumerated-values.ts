/**
 * Flags with an enumeration of values that kubectl 1.32 checks itself. Three of them first try the
 * value as a Go boolean (strconv.ParseBool, so `1`, `T`, `FALSE` too), for compatibility with
 * kubectl before 1.18/1.20: `--cascade=false` and `--dry-run=true` still work but print "is deprecated
 * (boolean value) and can be replaced with --cascade=orphan" (delete_flags.go parseCascadingFlag,
 * cmd/util/helpers.go GetDryRunStrategy); `--validate=false` is documented and not deprecated
 * (GetValidationDirective).
 */
import { isGoBool, isGoTrue, type ParsedFlag } from './parse.ts';

interface BooleanReading {
  /** The enumerated value a true or false boolean stands for. */
  true: string;
  false: string;
  /** kubectl warns that the boolean form is deprecated. */
  deprecated: boolean;
}

const booleanReadings: Record<string, BooleanReading> = {
  cascade: { true: 'background', false: 'orphan', deprecated: true },
  'dry-run': { true: 'client', false: 'none', deprecated: true },
  validate: { true: 'strict', false: 'ignore', deprecated: false },
};

/** `-o jsonpath='{...}'`: the format is the part before the first `=`. */
export function enumeratedPart(flag: ParsedFlag): string {
  const value = flag.value ?? '';
  return flag.name === 'output' ? value.split('=')[0] : value;
}

/** The flag's value is one kubectl accepts (true when the flag has no enumeration or no value). */
export function isAllowedValue(flag: ParsedFlag): boolean {
  const allowed = flag.flag?.enum;
  if (!allowed || flag.value === undefined) return true;
  return allowed.includes(enumeratedPart(flag)) || (booleanReadings[flag.name] !== undefined && isGoBool(flag.value));
}

/** A deprecated boolean value (`--cascade=false`) and the value that replaces it (`orphan`). */
export function deprecatedBooleanValue(flag: ParsedFlag): string | undefined {
  const reading = booleanReadings[flag.name];
  if (!reading?.deprecated || flag.value === undefined || !isGoBool(flag.value) || flag.flag?.enum?.includes(flag.value)) return undefined;
  return isGoTrue(flag.value) ? reading.true : reading.false;
}
