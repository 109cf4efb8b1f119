/**
 * A minimal LSP client over stdio, as an editor is: it starts `lessonc lsp --stdio`, writes
 * `Content-Length`-framed JSON-RPC and reads the replies and notifications back.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './paths.ts';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export interface Notification {
  method: string;
  params: any;
}

export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly notifications: Notification[] = [];
  stderr = '';
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly waiters: Array<{ test: (n: Notification) => boolean; resolve: (n: Notification) => void }> = [];

  constructor(env: NodeJS.ProcessEnv = {}) {
    this.process = spawn(process.execPath, [path.join(repoRoot, 'bin', 'lessonc.mjs'), 'lsp', '--stdio'], { cwd: repoRoot, env: { ...process.env, ...env } });
    this.process.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.process.on('exit', () => {
      for (const { reject } of this.pending.values()) reject(new Error(`server exited: ${this.stderr}`));
      this.pending.clear();
    });
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.process.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if ('id' in message && ('result' in message || 'error' in message)) {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) pending?.reject(new Error(message.error.message));
        else pending?.resolve(message.result);
      } else if ('id' in message) {
        // A request from the server (workspace/configuration, window/workDoneProgress/create): no answer needed here.
        this.send({ id: message.id, result: null });
      } else {
        this.notifications.push(message);
        for (const waiter of [...this.waiters]) {
          if (!waiter.test(message)) continue;
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    }
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** The next notification (from now on) that passes `test`. */
  next(test: (n: Notification) => boolean, timeoutMs = 15_000): Promise<Notification> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no notification in ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ test, resolve: (n) => (clearTimeout(timer), resolve(n)) });
    });
  }

  /** The diagnostics published for `uri` at document `version`. */
  diagnostics(uri: string, version: number): Promise<any[]> {
    return this.next((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === version).then((n) => n.params.diagnostics);
  }

  async initialize(initializationOptions: unknown = {}): Promise<any> {
    const result = await this.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions });
    this.notify('initialized', {});
    return result;
  }

  async close(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((done) => this.process.once('exit', done));
    await this.request('shutdown', null).catch(() => undefined);
    this.notify('exit', null);
    await Promise.race([exited, new Promise((done) => setTimeout(done, 3000))]);
    if (this.alive) this.process.kill();
  }
}
