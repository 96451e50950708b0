/**
 * NDJSON batches (one JSON object a line), parsed with bounds and per line: a line that is too
 * long, is not JSON or is not an object becomes a row of its own with the reason, so that one bad
 * line never costs the others. Pure.
 */

export interface NdjsonBounds {
  /** Records (non-blank lines) in one batch. */
  maxRecords: number;
  /** Bytes of one line (UTF-8). */
  maxLineBytes: number;
}

export type NdjsonRow =
  | { line: number; value: Record<string, unknown>; error?: undefined }
  | { line: number; value?: undefined; error: string };

export type NdjsonResult = { rows: NdjsonRow[]; tooMany?: undefined } | { rows?: undefined; tooMany: number };

const isBlank = (line: string) => line.trim() === '';

/**
 * The rows of an NDJSON text (`\n` or `\r\n` line ends; blank lines skipped; `line` is 1-based).
 * Counts the records before parsing any: more than `maxRecords` gives `tooMany` (their count) and
 * no rows.
 */
export const parseNdjson = (text: string, bounds: NdjsonBounds): NdjsonResult => {
  const lines = text.split('\n');
  let records = 0;
  for (const line of lines) if (!isBlank(line)) records += 1;
  if (records > bounds.maxRecords) return { tooMany: records };

  const rows: NdjsonRow[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (isBlank(text)) return;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > bounds.maxLineBytes) {
      rows.push({ line, error: `line ${line} is ${bytes} bytes long, more than the ${bounds.maxLineBytes} allowed` });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      rows.push({ line, error: `line ${line} is not JSON: ${(error as Error).message}` });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      rows.push({ line, error: `line ${line} must be a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}` });
      return;
    }
    rows.push({ line, value: value as Record<string, unknown> });
  });
  return { rows };
};
