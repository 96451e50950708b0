import { Badge, Flex, IconButton, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Pencil, Trash } from '@strapi/icons';
import type { SettingsDocument } from '../../../shared/contracts/settings';
import { hasErrorUnder } from '../utils/settingsErrors';
import { TableHead } from './TableHead';

const COLUMNS = ['Content type', 'Field rules', 'Generated code', 'Duplicate matching', 'Approval policies'];

interface Props {
  document: SettingsDocument;
  /** The settings in force: a type they do not govern is marked as not saved. */
  saved: SettingsDocument;
  typeNames: Record<string, string>;
  selected: string | null;
  errors: Record<string, string>;
  canManage: boolean;
  onSelect(uid: string): void;
  onStop(uid: string): void;
}

/** The governed content types, a summary of each; a row opens its field rules. */
export const GovernedTypesTable = ({ document, saved, typeNames, selected, errors, canManage, onSelect, onStop }: Props) => {
  const uids = Object.keys(document.governed ?? {});
  return (
    <Table colCount={COLUMNS.length + 1} rowCount={uids.length + 1}>
      <TableHead columns={COLUMNS} action="Actions" />
      <Tbody>
        {uids.map((uid) => {
          const type = document.governed[uid];
          const name = typeNames[uid] ?? uid;
          const rules = Object.keys(type.fields ?? {}).length;
          const policies = type.approvals?.enabled === false ? 0 : (type.approvals?.policies.length ?? 0);
          return (
            <Tr key={uid} data-type={uid} onClick={() => onSelect(uid)} style={{ cursor: 'pointer' }} aria-selected={selected === uid}>
              <Td>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Flex gap={2}>
                    <Typography fontWeight="bold" textColor={selected === uid ? 'primary600' : 'neutral800'}>
                      {name}
                    </Typography>
                    {!saved.governed?.[uid] && <Badge variant="secondary">not saved</Badge>}
                    {hasErrorUnder(errors, ['governed', uid]) && <Badge variant="danger">refused</Badge>}
                  </Flex>
                  <Typography variant="pi" textColor="neutral600">
                    {uid}
                  </Typography>
                </Flex>
              </Td>
              <Td>
                <Typography>{rules === 1 ? '1 field' : `${rules} fields`}</Typography>
              </Td>
              <Td>
                <Typography>{type.code ? `${type.code.field}: ${type.code.prefix}${'1'.padStart(type.code.digits, '0')}` : '—'}</Typography>
              </Td>
              <Td>
                <Typography>{type.matching?.enabled ? `on (${Object.keys(type.matching.fields ?? {}).length} keys)` : 'off'}</Typography>
              </Td>
              <Td>
                <Typography>{policies === 0 ? 'none' : String(policies)}</Typography>
              </Td>
              <Td onClick={(e: React.MouseEvent) => e.stopPropagation()}>
                <Flex gap={1} justifyContent="flex-end">
                  <IconButton label={`Edit the rules of ${name}`} variant="ghost" onClick={() => onSelect(uid)}>
                    <Pencil />
                  </IconButton>
                  {canManage && (
                    <IconButton label={`Stop governing ${name}`} variant="ghost" onClick={() => onStop(uid)}>
                      <Trash />
                    </IconButton>
                  )}
                </Flex>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
