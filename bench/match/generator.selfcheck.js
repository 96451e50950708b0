#!/usr/bin/env node
/*
 * node bench/match/generator.selfcheck.js [bigSize=1000000] [seed=42]
 *
 * Prints samples of each record / query kind and asserts the generator's invariants on a small data set
 * and on a big one (timed). Exits 1 when any check fails.
 */
'use strict';
const assert = require('node:assert');
const { generate, CORRUPTIONS, DUPLICATE_KINDS, NEGATIVE_KINDS, FREE_MAIL_DOMAINS } = require('./generator');

const BIG = Number(process.argv[2] || 1_000_000), SEED = Number(process.argv[3] || 42);
const failures = [];
const check = (ok, msg) => {
  if (!ok) failures.push(msg);
};
const between = (v, lo, hi, what) => check(v >= lo && v <= hi, `${what}: ${v.toFixed(3)} not in [${lo}, ${hi}]`);
const share = (items, pred) => items.filter(pred).length / items.length;
const domainOfUrl = (u) => u.replace(/^https:\/\/www\./, '');
const domainOfEmail = (e) => e.slice(e.indexOf('@') + 1);
const TAX_ID = { CN: /^91\d{6}[0-9A-Z]{10}$/, DE: /^DE\d{9}$/, GB: /^GB\d{9}$/, FR: /^FR\d{11}$/, US: /^US\d{2}-\d{7}$/, SG: /^SG\d{9}[A-Z]$/, JP: /^JP\d{13}$/ };
const FIELDS = ['id', 'name', 'country', 'city', 'taxId', 'phone', 'email', 'website', 'industry'];
const QUERY_FIELDS = ['name', 'country', 'city', 'taxId', 'phone', 'email', 'website'];
// Chinese trade-name core: the name without province/city and legal form.
const cnCore = (r) => r.name.replace(/^[^省]*省/, '').replace(new RegExp(`^${r.city}市?|（${r.city}）`, 'g'), '')
  .replace(/(集团有限公司|股份有限公司|有限责任公司|有限公司)$/, '');

function checkDataset({ records, queries, hardNegativeGroups }, size, nQueries, label) {
  const at = (msg) => `[${label}] ${msg}`;
  check(records.length === size, at(`records.length ${records.length} !== ${size}`));
  check(queries.length === nQueries, at(`queries.length ${queries.length} !== ${nQueries}`));
  const byId = new Map();
  const taxIds = new Set(), phones = new Set(), emails = new Set(), emailDomains = new Set(), domainOwner = new Map(), nameCity = new Set(), cores = new Set();
  for (const r of records) {
    if (byId.has(r.id)) check(false, at(`duplicate id ${r.id}`));
    byId.set(r.id, r);
    if (Object.keys(r).join() !== FIELDS.join()) check(false, at(`fields of ${r.id}: ${Object.keys(r)}`));
    if (r.taxId !== null) {
      if (taxIds.has(r.taxId)) check(false, at(`duplicate taxId ${r.taxId}`));
      if (!TAX_ID[r.country].test(r.taxId)) check(false, at(`bad ${r.country} taxId ${r.taxId}`));
      taxIds.add(r.taxId);
    }
    if (r.phone !== null) {
      if (phones.has(r.phone)) check(false, at(`duplicate phone ${r.phone}`));
      if (!/^\+[1-9]\d{6,14}$/.test(r.phone)) check(false, at(`phone not E.164: ${r.phone}`));
      phones.add(r.phone);
    }
    if (r.email !== null) {
      if (emails.has(r.email)) check(false, at(`duplicate email ${r.email}`));
      emails.add(r.email);
      emailDomains.add(domainOfEmail(r.email));
    }
    const own = [r.website && domainOfUrl(r.website), r.email && !FREE_MAIL_DOMAINS.has(domainOfEmail(r.email)) && domainOfEmail(r.email)];
    for (const d of own.filter(Boolean)) {
      if (domainOwner.has(d) && domainOwner.get(d) !== r.id) check(false, at(`domain ${d} shared by ${domainOwner.get(d)} and ${r.id}`));
      domainOwner.set(d, r.id);
    }
    const nc = `${r.city}|${r.name}`;
    if (nameCity.has(nc)) check(false, at(`duplicate name+city ${nc}`));
    nameCity.add(nc);
    if (r.country === 'CN') {
      const core = `${r.city}|${cnCore(r)}`;
      if (cores.has(core)) check(false, at(`duplicate trade-name core ${core}`));
      cores.add(core);
    }
  }
  between(share(records, (r) => r.country === 'CN'), 0.55, 0.65, at('share CN'));
  between(share(records, (r) => r.taxId === null), 0.07, 0.13, at('share taxId null'));
  between(share(records, (r) => r.phone === null), 0.11, 0.19, at('share phone null'));
  between(share(records, (r) => r.email === null), 0.07, 0.13, at('share email null'));
  between(share(records, (r) => r.email && FREE_MAIL_DOMAINS.has(domainOfEmail(r.email))), 0.07, 0.13, at('share free mail'));
  between(share(records, (r) => r.website !== null), 0.65, 0.75, at('share website'));

  const inGroups = hardNegativeGroups.flatMap((g) => g.ids);
  between(inGroups.length / records.length, 0.03, 0.08, at('share of records in hard-negative groups'));
  check(new Set(inGroups).size === inGroups.length, at('a record is in two hard-negative groups'));
  for (const g of hardNegativeGroups) {
    const [a, ...rest] = g.ids.map((id) => byId.get(id));
    for (const b of rest) {
      if (!a || !b || (a.taxId && a.taxId === b.taxId) || a.website === b.website && a.website) check(false, at(`group ${g.ids} shares identifiers`));
    }
  }

  const dups = queries.filter((q) => q.truth !== null), negs = queries.filter((q) => q.truth === null);
  between(dups.length / queries.length, 0.75, 0.85, at('share of duplicate queries'));
  between(share(dups, (q) => q.kind === 'renamed'), 0.02, 0.09, at('share renamed among duplicates'));
  for (const q of queries) {
    if (!CORRUPTIONS.includes(q.kind) || !q.corruptions.every((c) => CORRUPTIONS.includes(c)) || q.corruptions[0] !== q.kind) check(false, at(`bad kind ${q.kind} / ${q.corruptions}`));
    if (Object.keys(q.data).join() !== QUERY_FIELDS.join()) check(false, at(`query fields ${Object.keys(q.data)}`));
  }
  for (const q of dups) {
    const r = byId.get(q.truth), d = q.data;
    if (!r) { check(false, at(`truth ${q.truth} does not exist`)); continue; }
    if (!DUPLICATE_KINDS.includes(q.kind) || q.corruptions.length > 3) check(false, at(`bad duplicate labels ${q.corruptions}`));
    if (QUERY_FIELDS.every((f) => d[f] === r[f])) check(false, at(`duplicate of ${r.id} is unchanged`));
    if (d.taxId !== null && d.taxId !== r.taxId) check(false, at(`duplicate of ${r.id} has another taxId`));
    if (q.kind === 'renamed') {
      if (d.taxId !== r.taxId || d.name === r.name || d.phone || d.email || d.website) check(false, at(`bad rename of ${r.id}`));
      continue;
    }
    if (d.city !== r.city || d.country !== r.country) check(false, at(`duplicate of ${r.id} moved`));
    if (d.email !== null && domainOfEmail(d.email) !== domainOfEmail(r.email)) check(false, at(`duplicate of ${r.id} has another email domain`));
    if (d.phone !== null && !d.phone.replace(/\D/g, '').endsWith(r.phone.slice(-7))) check(false, at(`phone ${d.phone} is not ${r.phone}`));
    const fuzzy = q.corruptions.includes('typo') || q.corruptions.includes('homophone');
    if (fuzzy && d.taxId === null && d.phone === null && d.email === null) check(false, at(`fuzzy name without evidence: ${d.name} (${r.id})`));
  }
  for (const k of DUPLICATE_KINDS) check(dups.some((q) => q.corruptions.includes(k)), at(`no duplicate with ${k}`));
  for (const q of negs) {
    const d = q.data;
    if (!NEGATIVE_KINDS.includes(q.kind)) check(false, at(`bad negative kind ${q.kind}`));
    if (d.taxId && taxIds.has(d.taxId)) check(false, at(`negative shares taxId ${d.taxId}`));
    if (d.phone && phones.has(d.phone)) check(false, at(`negative shares phone ${d.phone}`));
    if (d.email && (emailDomains.has(domainOfEmail(d.email)) || domainOwner.has(domainOfEmail(d.email)))) check(false, at(`negative shares email domain ${d.email}`));
    if (d.website && (domainOwner.has(domainOfUrl(d.website)) || emailDomains.has(domainOfUrl(d.website)))) check(false, at(`negative shares domain ${d.website}`));
    if (nameCity.has(`${d.city}|${d.name}`)) check(false, at(`negative equals a record: ${d.name} ${d.city}`));
  }
  for (const k of NEGATIVE_KINDS) check(negs.some((q) => q.kind === k), at(`no negative of kind ${k}`));
  return byId;
}

// ---------- samples ----------
const small = generate({ seed: SEED, size: 20000, queries: 4000 });
const byId = checkDataset(small, 20000, 4000, 'small');
const show = (r) => `${r.name} | ${r.country} ${r.city} | ${r.taxId} | ${r.phone} | ${r.email} | ${r.website}`;
console.log('== records');
for (const r of [...small.records.filter((x) => x.country === 'CN').slice(0, 4), ...small.records.filter((x) => x.country !== 'CN').slice(0, 4)]) console.log(`  ${r.id} ${show(r)} [${r.industry}]`);
console.log('== hard-negative groups in records');
for (const kind of ['one_char', 'other_city', 'shared_words']) {
  for (const g of small.hardNegativeGroups.filter((x) => x.kind === kind).slice(0, 3)) console.log(`  ${kind}: ${g.ids.map((id) => `${byId.get(id).name} (${byId.get(id).city})`).join('  ~  ')}`);
}
console.log('== duplicate queries (query  <=  truth)');
for (const kind of DUPLICATE_KINDS) {
  for (const q of small.queries.filter((x) => x.kind === kind).slice(0, 2)) {
    console.log(`  ${q.corruptions.join('+')}\n      ${show(q.data)}\n   <= ${show(byId.get(q.truth))}`);
  }
}
console.log('== negative queries');
for (const kind of NEGATIVE_KINDS) for (const q of small.queries.filter((x) => x.kind === kind).slice(0, 3)) console.log(`  ${kind}: ${show(q.data)}`);
const perKind = {};
for (const q of small.queries) for (const c of q.corruptions) perKind[c] = (perKind[c] || 0) + 1;
console.log('== queries per label (small set):', JSON.stringify(perKind));

// ---------- determinism ----------
try {
  assert.deepStrictEqual(generate({ seed: 7, size: 3000, queries: 600 }), generate({ seed: 7, size: 3000, queries: 600 }));
} catch (e) {
  check(false, `same seed gave different output: ${e.message.slice(0, 300)}`);
}
check(JSON.stringify(generate({ seed: 8, size: 3000, queries: 600 })) !== JSON.stringify(generate({ seed: 7, size: 3000, queries: 600 })), 'seeds 7 and 8 gave the same output');

// ---------- big run, timed ----------
if (BIG > 0) {
  const t0 = process.hrtime.bigint();
  const big = generate({ seed: SEED, size: BIG, queries: 2000 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`== generate({ size: ${BIG}, queries: 2000 }): ${(ms / 1000).toFixed(2)} s, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
  checkDataset(big, BIG, 2000, `size ${BIG}`);
}

if (failures.length) {
  console.error(`\nFAILED: ${failures.length} check(s)`);
  for (const f of failures.slice(0, 30)) console.error(`  - ${f}`);
  process.exit(1);
}
console.log('\nOK: all invariants hold');
