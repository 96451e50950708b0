import { Box, EmptyStateLayout } from '@strapi/design-system';
import { SelectField } from './SelectField';

interface Props {
  uids: string[];
  typeNames: Record<string, string>;
  value: string;
  onChange(uid: string): void;
}

/** Which governed type a page shows (its choice is shared with the other settings pages). */
export const GovernedTypeSelect = ({ uids, typeNames, value, onChange }: Props) => (
  <Box style={{ maxWidth: '32rem' }}>
    <SelectField
      name="governedType"
      label="Content type"
      value={value}
      options={uids.map((uid) => ({ value: uid, label: typeNames[uid] ? `${typeNames[uid]} (${uid})` : uid }))}
      onChange={onChange}
    />
  </Box>
);

/** In place of a page about one governed type when none is governed. */
export const NoGovernedType = () => <EmptyStateLayout content="No content type is governed: govern one under Governed types first." hasRadius />;
