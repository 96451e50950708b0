import { Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';

/** A table's header row: one labelled column each, and an unlabelled last column for a row action. */
export const TableHead = ({ columns, action }: { columns: readonly string[]; action?: string }) => (
  <Thead>
    <Tr>
      {columns.map((column) => (
        <Th key={column}>
          <Typography variant="sigma">{column}</Typography>
        </Th>
      ))}
      {action && (
        <Th>
          <VisuallyHidden>{action}</VisuallyHidden>
        </Th>
      )}
    </Tr>
  </Thead>
);
