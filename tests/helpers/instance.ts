/**
 * A second Strapi instance in a child process (scripts/child-server.js) on the test's database:
 * for tests of several instances sharing one PostgreSQL. `stop()` asks it to shut down cleanly;
 * `kill()` ends it with SIGKILL (no shutdown code runs).
 */
import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { ROOT } from './database';

export interface Instance {
  url: string;
  token: string;
  child: ChildProcess;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

export const startInstance = async (env: Record<string, string> = {}): Promise<Instance> => {
  const child = fork(path.join(ROOT, 'scripts', 'child-server.js'), [], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ port: number; token: string }>((resolve, reject) => {
    child.once('message', resolve as any);
    child.once('exit', (code) => reject(new Error(`second instance exited with ${code}`)));
  });
  const exited = () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve())));
  return {
    url: `http://127.0.0.1:${ready.port}`,
    token: ready.token,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = exited();
      child.send('stop');
      await done;
    },
    async kill() {
      const done = exited();
      child.kill('SIGKILL');
      await done;
    },
  };
};
