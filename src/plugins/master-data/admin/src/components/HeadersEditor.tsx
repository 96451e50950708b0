import { Box, Button, Field, Flex, IconButton, TextInput, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { headerRow, headerRowError, type HeaderRow } from '../utils/webhookForm';

interface Props {
  rows: HeaderRow[];
  /** The server's messages by path (`headers`, `headers.X-Api-Key`). */
  errors: Record<string, string>;
  onChange(rows: HeaderRow[]): void;
}

/** Custom request headers as name/value rows (an API key the receiver expects, say). */
export const HeadersEditor = ({ rows, errors, onChange }: Props) => {
  const set = (id: number, change: Partial<HeaderRow>) => onChange(rows.map((row) => (row.id === id ? { ...row, ...change } : row)));
  // The server's messages on a header no row is named after (any more), and on the headers as a whole.
  const names = rows.map((row) => row.name.trim());
  const general = Object.entries(errors)
    .filter(([key]) => key === 'headers' || (key.startsWith('headers.') && !names.includes(key.slice('headers.'.length))))
    .map(([key, message]) => (key === 'headers' ? message : `${key.slice('headers.'.length)}: ${message}`));
  return (
    <Box tag="fieldset" aria-label="Custom headers" style={{ border: 0, padding: 0, margin: 0 }}>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="pi" fontWeight="bold" textColor="neutral800" tag="legend">
          Custom headers
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          Sent with every delivery (at most 20). The webhook-* headers, Content-Type, Content-Length, Host, User-Agent and the connection headers are the hub's.
        </Typography>
        {rows.map((row, index) => {
          const error = headerRowError(row, rows) ?? errors[`headers.${row.name.trim()}`];
          return (
            <Flex key={row.id} gap={2} alignItems="flex-start" data-header-row={index}>
              <Box flex="1">
                <Field.Root name={`headers.${index}.name`} error={error}>
                  <Field.Label>{`Header ${index + 1} name`}</Field.Label>
                  <TextInput value={row.name} placeholder="X-Api-Key" onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(row.id, { name: e.target.value })} />
                  <Field.Error />
                </Field.Root>
              </Box>
              <Box flex="2">
                <Field.Root name={`headers.${index}.value`}>
                  <Field.Label>{`Header ${index + 1} value`}</Field.Label>
                  <TextInput value={row.value} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(row.id, { value: e.target.value })} />
                </Field.Root>
              </Box>
              <Box paddingTop={6}>
                <IconButton label={`Remove header ${index + 1}`} variant="ghost" onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>
                  <Trash />
                </IconButton>
              </Box>
            </Flex>
          );
        })}
        {general.map((message) => (
          <Typography key={message} variant="pi" textColor="danger600" role="alert">
            {message}
          </Typography>
        ))}
        <Box>
          <Button variant="tertiary" startIcon={<Plus />} onClick={() => onChange([...rows, headerRow()])}>
            Add a header
          </Button>
        </Box>
      </Flex>
    </Box>
  );
};
