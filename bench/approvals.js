#!/usr/bin/env node
/*
 * npm run bench:approvals -- [--db sqlite,postgres] [--rounds 3] [--n 200] [--m 60]
 *
 * 1. The cost of approvals on writes they do not hold: REST updates of fields outside every policy
 *    (segment, phone) on published customers, p50/p95 sequential and throughput from 4 clients,
 *    with approvals on and off (MASTER_DATA_APPROVALS=false), alternating on/off on fresh databases.
 * 2. Submit -> approve -> live: a REST update of a governed field (202), then an Approver's approval
 *    over the admin API that applies it; p50/p95 of each request and of the two together.
 * Prints medians across rounds and the on/off ratios; writes bench/results/approvals-<date>.json.
 */
const fs = require('node:fs');
const path = require('node:path');
const { startServer, quantile, median, customer, machine, root, arg } = require('./lib');

const DBS = arg('db', 'sqlite,postgres').split(',');
const ROUNDS = Number(arg('rounds', 3));
const N = Number(arg('n', 200));
const M = Number(arg('m', 60));
const CONCURRENCY = 4;

const send = async (server, method, url, body, token = server.token) => {
  const started = performance.now();
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json.error)}`);
  return { ms: performance.now() - started, json, status: res.status };
};

const adminLogin = async (server, role) => {
  const user = await server.ask({ cmd: 'admin-token', role });
  const res = await fetch(`${server.url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: user.email, password: user.password }) });
  return (await res.json()).data.token;
};

const ungoverned = async (server) => {
  const ids = [];
  for (let i = 0; i < N; i += 1) ids.push((await send(server, 'POST', '/api/customers', { data: customer() })).json.data.documentId);
  for (let i = 0; i < 30; i += 1) await send(server, 'PUT', `/api/customers/${ids[i]}`, { data: { segment: `Warm ${i}` } }); // warm-up
  const update = [];
  for (let i = 0; i < N; i += 1) {
    const { ms, status } = await send(server, 'PUT', `/api/customers/${ids[i]}`, { data: { segment: `Segment ${i}`, phone: '+86 138 0013 8001' } });
    if (status !== 200) throw new Error(`an ungoverned update answered ${status}`);
    update.push(ms);
  }
  let next = 0;
  const total = N * 2;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        const i = next;
        next += 1;
        await send(server, 'PUT', `/api/customers/${ids[i % N]}`, { data: { segment: `Concurrent ${i}` } });
      }
    })
  );
  return { updateP50: quantile(update, 0.5), updateP95: quantile(update, 0.95), throughput: total / ((performance.now() - started) / 1000) };
};

const approvalCycle = async (server) => {
  const approver = await adminLogin(server, 'approver');
  const submit = [];
  const approve = [];
  const cycle = [];
  for (let i = 0; i < M + 5; i += 1) {
    const id = (await send(server, 'POST', '/api/customers', { data: customer() })).json.data.documentId;
    const a = await send(server, 'PUT', `/api/customers/${id}`, { data: { creditRating: `R${i}` } });
    if (a.status !== 202) throw new Error(`a governed update answered ${a.status}`);
    const b = await send(server, 'POST', `/master-data/change-requests/${a.json.meta.masterData.changeRequest.id}/approve`, {}, approver);
    if (b.json.data.status !== 'applied') throw new Error(`approval left the request ${b.json.data.status}`);
    if (i < 5) continue; // warm-up
    submit.push(a.ms);
    approve.push(b.ms);
    cycle.push(a.ms + b.ms);
  }
  return {
    submitP50: quantile(submit, 0.5),
    submitP95: quantile(submit, 0.95),
    approveP50: quantile(approve, 0.5),
    approveP95: quantile(approve, 0.95),
    cycleP50: quantile(cycle, 0.5),
    cycleP95: quantile(cycle, 0.95),
  };
};

(async () => {
  const results = {};
  for (const client of DBS) {
    results[client] = { on: [], off: [], cycle: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? [true, false] : [false, true];
      for (const approvals of order) {
        const server = await startServer({ client, governance: true, env: { MASTER_DATA_APPROVALS: String(approvals) } });
        try {
          const r = await ungoverned(server);
          results[client][approvals ? 'on' : 'off'].push(r);
          console.error(`${client} round ${round + 1} approvals ${approvals ? 'on ' : 'off'}: ungoverned update p50 ${r.updateP50.toFixed(1)} ms p95 ${r.updateP95.toFixed(1)} ms, ${r.throughput.toFixed(0)} updates/s`);
          if (approvals) {
            const c = await approvalCycle(server);
            results[client].cycle.push(c);
            console.error(`${client} round ${round + 1} submit p50 ${c.submitP50.toFixed(1)} ms, approve+apply p50 ${c.approveP50.toFixed(1)} ms, cycle p50 ${c.cycleP50.toFixed(1)} p95 ${c.cycleP95.toFixed(1)} ms`);
          }
        } finally {
          await server.stop();
        }
      }
    }
  }

  const summary = {};
  const lines = [
    '| database | approvals | ungoverned update p50 | p95 | updates/s (4 clients) |',
    '|---|---|---|---|---|',
  ];
  const cycleLines = ['| database | submit (202) p50 / p95 | approve + apply p50 / p95 | submit → live p50 / p95 |', '|---|---|---|---|'];
  for (const [client, modes] of Object.entries(results)) {
    const med = (list, key) => median(list.map((r) => r[key]));
    const on = { updateP50: med(modes.on, 'updateP50'), updateP95: med(modes.on, 'updateP95'), throughput: med(modes.on, 'throughput') };
    const off = { updateP50: med(modes.off, 'updateP50'), updateP95: med(modes.off, 'updateP95'), throughput: med(modes.off, 'throughput') };
    const ratios = { updateP50: on.updateP50 / off.updateP50, throughput: on.throughput / off.throughput };
    const cycle = Object.fromEntries(Object.keys(modes.cycle[0]).map((key) => [key, med(modes.cycle, key)]));
    summary[client] = { on, off, ratios, cycle };
    lines.push(`| ${client} | on | ${on.updateP50.toFixed(1)} ms | ${on.updateP95.toFixed(1)} ms | ${on.throughput.toFixed(0)} |`);
    lines.push(`| ${client} | off | ${off.updateP50.toFixed(1)} ms | ${off.updateP95.toFixed(1)} ms | ${off.throughput.toFixed(0)} |`);
    lines.push(`| ${client} | **on/off** | **${ratios.updateP50.toFixed(2)}** | | **${(1 / ratios.throughput).toFixed(2)}** (time per update) |`);
    cycleLines.push(`| ${client} | ${cycle.submitP50.toFixed(1)} / ${cycle.submitP95.toFixed(1)} ms | ${cycle.approveP50.toFixed(1)} / ${cycle.approveP95.toFixed(1)} ms | ${cycle.cycleP50.toFixed(1)} / ${cycle.cycleP95.toFixed(1)} ms |`);
  }
  const out = { date: new Date().toISOString(), machine: machine(), rounds: ROUNDS, n: N, m: M, concurrency: CONCURRENCY, summary, results };
  fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench', 'results', `approvals-${out.date.slice(0, 10)}.json`), JSON.stringify(out, null, 2));
  console.log(`Machine: ${out.machine}; ${ROUNDS} rounds, medians; ${N} sequential ungoverned updates and ${N * 2} from ${CONCURRENCY} clients per run; ${M} approval cycles per round\n`);
  console.log(lines.join('\n'));
  console.log('');
  console.log(cycleLines.join('\n'));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
