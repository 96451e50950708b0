/** Human-readable record codes like `C-000123`. Pure. */
export interface CodeFormat {
  prefix: string;
  digits: number;
}

export const formatCode = ({ prefix, digits }: CodeFormat, n: number): string =>
  `${prefix}${String(n).padStart(digits, '0')}`;

/** The number in a code of this format, or null when the code has another shape. */
export const parseCode = ({ prefix, digits }: CodeFormat, code: unknown): number | null => {
  if (typeof code !== 'string' || !code.startsWith(prefix)) return null;
  const rest = code.slice(prefix.length);
  return rest.length >= digits && /^\d+$/.test(rest) ? Number(rest) : null;
};
