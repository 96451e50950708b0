import { parseNdjson } from '../../../src/plugins/master-data/server/src/sync/domain/ndjson';

const bounds = { maxRecords: 3, maxLineBytes: 64 };

describe('parseNdjson', () => {
  test('one object a line; blank lines and a final newline skipped; CRLF tolerated; lines numbered from 1', () => {
    const result = parseNdjson('{"externalId":"a"}\r\n\n  \n{"externalId":"b","n":1}\n', bounds);
    expect(result.rows).toEqual([
      { line: 1, value: { externalId: 'a' } },
      { line: 4, value: { externalId: 'b', n: 1 } },
    ]);
  });

  test('a malformed line, a non-object and a line too long are rows of their own with the reason', () => {
    const long = JSON.stringify({ externalId: 'x', notes: 'é'.repeat(40) });
    const result = parseNdjson(['{"externalId":', '[1,2]', long, 'null'].join('\n'), { maxRecords: 10, maxLineBytes: 64 });
    expect(result.rows!.map((r) => [r.line, r.error?.replace(/:.*$/, '')])).toEqual([
      [1, 'line 1 is not JSON'],
      [2, 'line 2 must be a JSON object, got an array'],
      [3, `line 3 is ${Buffer.byteLength(long)} bytes long, more than the 64 allowed`],
      [4, 'line 4 must be a JSON object, got null'],
    ]);
    // Bytes, not characters: é is two bytes in UTF-8.
    expect(long.length).toBeLessThan(64 + 40);
    expect(Buffer.byteLength(long)).toBeGreaterThan(64);
  });

  test('more records than allowed: counted before any line is parsed, no rows', () => {
    expect(parseNdjson('{}\n{}\n{}\n{}', bounds)).toEqual({ tooMany: 4 });
    expect(parseNdjson('not json\nnot json\nnot json\nnot json', bounds)).toEqual({ tooMany: 4 });
    expect(parseNdjson('{}\n\n{}\n\n{}\n\n', bounds).rows).toHaveLength(3);
  });

  test('an empty body has no rows', () => {
    expect(parseNdjson('', bounds)).toEqual({ rows: [] });
    expect(parseNdjson('\n \n', bounds)).toEqual({ rows: [] });
  });

  test('a prototype key stays plain data (the pipeline refuses it later)', () => {
    const [row] = parseNdjson('{"__proto__":{"polluted":true},"externalId":"p"}', bounds).rows!;
    expect(({} as any).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(row.value, '__proto__')).toBe(true);
  });
});
