import { describe, expect, it } from 'vitest';
import { analyzeLesson, fixLesson } from '../plugins/remark-lessonc/index.ts';

/** A lesson from blocks: shell lines and YAML with optional code meta. */
function lesson(...blocks: string[]): string {
  return `---\ntitle: State\n---\n\n${blocks.join('\n\n')}\n`;
}
const shell = (...lines: string[]) => `\`\`\`shell\n${lines.join('\n')}\n\`\`\``;
const yaml = (meta: string, body: string) => `\`\`\`yaml${meta ? ` ${meta}` : ''}\n${body}\n\`\`\``;
const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27`;

function stateMessages(markdown: string) {
  return analyzeLesson(markdown).messages.filter((m) => m.ruleId.startsWith('state/'));
}

describe('lesson state: objects the learner has created', () => {
  it('knows pods from `kubectl run` and warns on a name that does not exist, with the nearest one', () => {
    const messages = stateMessages(lesson(shell('kubectl run web --image=nginx:1.27', 'kubectl describe pod webb', 'kubectl logs web')));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ severity: 'warning', message: expect.stringMatching(/pod `webb`.*expected `web`/), fix: { safe: false } });
    expect(messages[0]!.start).toMatchObject({ line: 7, column: 22 });
  });

  it('reads a manifest shown after `cat FILE` or captioned with its file name, and creates it on `apply -f`', () => {
    const viaCat = lesson(shell('cat db.yaml'), yaml('', pod('db')), shell('kubectl apply -f db.yaml', 'kubectl exec db -- ls'));
    const viaTitle = lesson(yaml('title="./db.yaml"', pod('db')), shell('kubectl create -f ./db.yaml', 'kubectl delete pod db'));
    const viaVi = lesson(shell('vi /tmp/db.yaml'), yaml('', pod('db')), shell('kubectl apply -f /tmp/db.yaml', 'kubectl edit pod db'));
    for (const markdown of [viaCat, viaTitle, viaVi]) expect(stateMessages(markdown)).toEqual([]);
  });

  it('takes `--dry-run=client -o yaml > FILE` as writing the file, not creating the object', () => {
    const written = lesson(shell('kubectl run cache --image=redis:7 --dry-run=client -o yaml > cache.yaml', 'kubectl get pod cache'));
    expect(stateMessages(written).map((m) => m.message)).toEqual([expect.stringMatching(/pod `cache`/)]);
    const applied = lesson(shell('kubectl run cache --image=redis:7 --dry-run=client -o yaml > cache.yaml', 'kubectl apply -f cache.yaml', 'kubectl get pod cache'));
    expect(stateMessages(applied)).toEqual([]);
  });

  it('warns on deleting what was never created, and forgets what was deleted', () => {
    const messages = stateMessages(lesson(shell('kubectl run a --image=nginx', 'kubectl delete pod a', 'kubectl delete pod a', 'kubectl delete pod b')));
    expect(messages.map((m) => m.message)).toEqual([expect.stringMatching(/`a`: the lesson deletes it but never created it/), expect.stringMatching(/`b`: the lesson deletes it but never created it/)]);
  });

  it('does not guess after an unseen file is applied, until `delete TYPE --all`', () => {
    const markdown = lesson(shell('kubectl apply -f unseen.yaml', 'kubectl logs whatever', 'kubectl delete pods --all', 'kubectl logs whatever'));
    const messages = stateMessages(markdown);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.start.line).toBe(9);
  });

  it('knows the kubelet names static pods itself (`NAME-NODE`)', () => {
    const heredoc = lesson(shell('cat <<EOF >/etc/kubelet.d/static-web.yaml', 'apiVersion: v1', 'kind: Pod', 'EOF', 'kubectl delete pod static-web-node1'));
    const edited = lesson(shell('vi /etc/kubernetes/manifests/nginx.yaml'), yaml('', pod('nginx')), shell('kubectl describe pod nginx-controlplane'));
    expect(stateMessages(heredoc)).toEqual([]);
    expect(stateMessages(edited)).toEqual([]);
    // A lab that made a pod of its own, then deletes one the kubelet never made.
    expect(stateMessages(lesson(shell('kubectl run web --image=nginx', 'kubectl delete pod static-web-node1')))).toHaveLength(1);
  });

  it('leaves other namespaces, nodes and built-in objects alone', () => {
    expect(stateMessages(lesson(shell('kubectl get pod coredns -n kube-system', 'kubectl describe node worker-1', 'kubectl describe svc kubernetes', 'kubectl logs etcd --namespace=kube-system', 'kubectl get pods -A')))).toEqual([]);
  });

  it('reads a command as its safe fixes mean it (`-all` is `--all`)', () => {
    const markdown = lesson(shell('kubectl apply -f unseen.yaml', 'kubectl delete pod -all', 'kubectl run keep --image=nginx', 'kubectl edit pod kepe'));
    expect(stateMessages(markdown).map((m) => m.message)).toEqual([expect.stringMatching(/pod `kepe`.*expected `keep`/)]);
    expect(fixLesson(markdown, { unsafe: true }).output).toContain('kubectl edit pod keep');
  });
});

describe('lesson state: a probe that can never fail', () => {
  const manifest = (script: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: probe\nspec:\n  containers:\n  - name: app\n    image: busybox\n    args: ["/bin/sh", "-c", "${script}"]\n    livenessProbe:\n      exec:\n        command: ["cat", "/tmp/healthy"]`;

  it('flags an rm of a near-miss path, on that path', () => {
    const markdown = lesson(yaml('', manifest('touch /tmp/healthy; sleep 30; rm -f /tmp/helthy; sleep 600')));
    const [message] = stateMessages(markdown);
    expect(message).toMatchObject({ ruleId: 'state/probe-never-fails', severity: 'warning' });
    const line = markdown.split('\n')[message!.start.line - 1]!;
    expect(line.slice(message!.start.column - 1, message!.end.column - 1)).toBe('/tmp/helthy');
  });

  it('is quiet when the script removes the probed file', () => {
    expect(stateMessages(lesson(yaml('', manifest('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'))))).toEqual([]);
  });
});
