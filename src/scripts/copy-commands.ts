/**
 * The copy button of a shell snippet copies what a learner runs: the commands without their
 * prompts (`$ `, `# `, `user@host:~$ `), and without the output lines of a transcript. Expressive
 * Code's button copies its `data-code`; that text is rewritten once, when the page loads.
 */
const PROMPT = /^\s*(?:[\w.-]+@[\w.-]+(?::[^$#\s]*)?\s*[$#]|[\w.-]+@[\w.-]+\s+\S+\s+➜|\$|#|➜)\s+/;

export function commandsToCopy(code: string): string {
  const lines = code.split('\n');
  const prompted = lines.filter((line) => PROMPT.test(line));
  // Without prompts every line is a command; with them, the unprompted lines are output.
  if (prompted.length === 0) return code;
  return prompted.map((line) => line.replace(PROMPT, '')).join('\n');
}

export function setUpCommandCopy(root: Document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('.lc-snippet[data-kind="shell"] .copy button[data-code]')) {
    // Expressive Code encodes newlines in data-code as U+007F.
    const code = (button.dataset.code ?? '').replace(/\u007f/g, '\n');
    button.dataset.code = commandsToCopy(code).replace(/\n/g, '\u007f');
  }
}
