import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { startApp, apiToken, bearer, type TestApp } from '../helpers/strapi';
import { customerData } from '../helpers/fixtures';
import { isPostgres, ROOT } from '../helpers/database';

// Several Strapi instances share one PostgreSQL database: this process is one, a child process the
// other. Writes through both at once must still get unique codes and one unbroken audit chain.
// (SQLite is a single-process database: this applies to PostgreSQL only.)
const describePg = isPostgres() ? describe : describe.skip;

describePg('two instances on one PostgreSQL database', () => {
  let app: TestApp;
  let child: ChildProcess;
  let other: { url: string; token: string };
  let token: string;

  beforeAll(async () => {
    app = await startApp();
    token = await apiToken(app);
    child = fork(path.join(ROOT, 'scripts', 'child-server.js'), [], {
      cwd: ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const ready = await new Promise<{ port: number; token: string }>((resolve, reject) => {
      child.once('message', resolve as any);
      child.once('exit', (code) => reject(new Error(`second instance exited with ${code}`)));
    });
    other = { url: `http://127.0.0.1:${ready.port}`, token: ready.token };
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
    }
    await app?.stop();
  });

  test('concurrent creates through both instances: unique codes, one verifiable chain', async () => {
    const viaThis = () => app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() }).then((r) => ({ status: r.status, body: r.body }));
    const viaOther = async () => {
      const res = await fetch(`${other.url}/api/customers`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${other.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ data: customerData() }),
      });
      return { status: res.status, body: await res.json() };
    };
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? viaOther() : viaThis())));
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    expect(new Set(results.map((r) => r.body.data.code)).size).toBe(30);

    const audit = app.strapi.plugin('master-data').service('audit');
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 60 }); // create + publish per REST create
    const kinds = await app.strapi.db.connection('master_data_audit_events').distinct('actor_name');
    expect(kinds.length).toBe(2); // both instances' tokens wrote to the same chain
  });
});
