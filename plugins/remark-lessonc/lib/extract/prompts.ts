/**
 * Shell prompts as notes copy them from a terminal: `$ kubectl get pods`, `# kubectl get pods` (root),
 * `user@host:~$ k get pods`, `[root@master ~]# ...`, `controlplane $ ...`, `root@controlplane ~ ➜  k ...`.
 * A prompt line is a command (the prompt is not part of it); in a transcript the lines after it, up
 * to the next prompt, are what the command printed.
 */

export interface Prompt {
  /** Length of the prompt, spaces after it included: the command starts at this offset of the line. */
  length: number;
  /**
   * `strong`: only a prompt looks like this (`$ `, `user@host:~$ `), so the snippet is a transcript;
   * `root`: `# ` before a kubectl command, which in a script would be a comment.
   */
  strength: 'strong' | 'root';
}

/** `[root@master ~]#`, `root@master:~#`, `user@host:~/dir$`, `controlplane:~$`, `controlplane $`, `root@controlplane ~ ➜`. */
const USER_HOST_PROMPT =
  /^[ \t]*(?:\[[^\]\n]*\][ \t]?[#$]|[\w.-]+@[\w.-]+(?::[^\s#$]*)?[ \t]?[#$]|[\w.-]+:~[^\s#$]*[ \t]?[#$]|(?:controlplane|node\d*|master\d*|worker\d*)[ \t]?[#$]|(?:[\w.-]+@)?[\w.-]+[ \t]+\S+[ \t]+➜|➜)[ \t]+(?=\S)/;
/** `$ cmd`, `> cmd` is not one (a continuation or a quote). */
const DOLLAR_PROMPT = /^[ \t]*\$[ \t]+(?=\S)/;
/** `# kubectl ...`, `#kubectl ...`, `# k get pods`: the root prompt of the notes. */
const ROOT_PROMPT = /^[ \t]*#[ \t]*(?=(?:sudo[ \t]+)?(?:kubectl|k)[ \t]+\S)/;

/** The prompt starting a line, or null. A root prompt is only recognised before kubectl (or `k`). */
export function promptAt(line: string): Prompt | null {
  const strong = USER_HOST_PROMPT.exec(line) ?? DOLLAR_PROMPT.exec(line);
  if (strong) return { length: strong[0].length, strength: 'strong' };
  const root = ROOT_PROMPT.exec(line);
  return root ? { length: root[0].length, strength: 'root' } : null;
}

/**
 * Programs a note's command lines start with (`kubectl ...`, `cat x`): the importer takes a line
 * starting with one of them for a command typed without a prompt, and so does a snippet.
 */
export const SHELL_PROGRAMS: ReadonlySet<string> = new Set([
  'kubectl', 'k', 'kubeadm', 'kubelet', 'minikube', 'helm', 'kustomize', 'etcdctl', 'crictl', 'ctr', 'docker', 'podman',
  'cat', 'vi', 'vim', 'nano', 'less', 'head', 'tail', 'ls', 'cd', 'mkdir', 'rm', 'cp', 'mv', 'touch', 'echo',
  'curl', 'wget', 'ssh', 'scp', 'systemctl', 'journalctl', 'apt', 'apt-get', 'yum', 'dnf', 'sudo', 'grep',
  'chmod', 'chown', 'openssl', 'git', 'sh', 'bash', 'swapoff', 'sed', 'awk', 'nslookup', 'ping', 'tar',
  'base64', 'jq', 'yq', 'hostnamectl', 'modprobe', 'sysctl', 'tee', 'iptables', 'mount', 'useradd', 'watch',
]);

/**
 * A line a script would run: a program, or a shell word (`export A=b`, `for ...`) — only inside a
 * snippet, where prose does not start lines (in notes, `if the pod fails` is a sentence).
 */
const BARE_COMMAND = new RegExp(String.raw`^[ \t]*(?:sudo[ \t]+)?(?:${[...SHELL_PROGRAMS, 'export', 'source', 'sleep', 'for', 'while', 'if'].join('|')})(?:[ \t]|$)`);

/** Whether any line of a text starts with a prompt only a terminal prints (`$ `, `user@host:~$ `). */
export function isTranscript(text: string): boolean {
  return promptSummary(text).transcript;
}

/**
 * From one reading of each line's prompt: whether the text is a transcript (see isTranscript), and
 * whether its `# kubectl ...` lines are root prompts — in a note that writes its commands that way
 * (every command line starts with `#`). In a script that runs other commands bare, a `# kubectl ...`
 * line is a command left out, a comment.
 */
export function promptSummary(text: string): { transcript: boolean; rootPrompts: boolean } {
  let transcript = false;
  let root = false;
  let bareCommand = false;
  for (const line of text.split('\n')) {
    const prompt = promptAt(line);
    if (prompt?.strength === 'strong') transcript = true;
    else if (prompt?.strength === 'root') root = true;
    else if (!prompt && BARE_COMMAND.test(line)) bareCommand = true;
  }
  return { transcript, rootPrompts: root && !bareCommand };
}
