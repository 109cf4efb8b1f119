/**
 * Typos of the program name itself (`kubctl`, `kuebctl`, `kubeclt`): the shell answers "command not
 * found", so the line never reaches kubectl. A word within two edits of `kubectl` is read as kubectl
 * (and reported), except the real tools whose names are that close.
 */
import { editDistance } from '../edit-distance.ts';

/** Kubernetes tools named within two edits of `kubectl`. */
const otherTools = new Set(['kubectx', 'kubecfg', 'kubecm', 'kubecolor', 'kubent']);

export function isKubectlTypo(program: string): boolean {
  return program !== 'kubectl' && /^k[a-z0-9]{4,8}$/i.test(program) && !otherTools.has(program.toLowerCase()) && editDistance(program.toLowerCase(), 'kubectl') <= 2;
}

/** Cheap test before tokenizing: could this line start a command with a kubectl typo? */
export function mayHoldKubectlTypo(line: string): boolean {
  return (line.match(/\bk[a-z0-9]{4,8}\b/gi) ?? []).some(isKubectlTypo);
}
