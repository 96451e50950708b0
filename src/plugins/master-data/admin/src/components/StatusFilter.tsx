import { Box, Field, Grid, SingleSelect, SingleSelectOption } from '@strapi/design-system';

interface Props<T extends string> {
  value: T;
  options: { value: T; label: string }[];
  onChange(value: T): void;
}

/** A list's status filter, in the filter box above the list. */
export const StatusFilter = <T extends string>({ value, options, onChange }: Props<T>) => (
  <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
    <Grid.Root gap={4}>
      <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
        <Field.Root name="status">
          <Field.Label>Status</Field.Label>
          <SingleSelect
            value={value}
            onChange={(v) => {
              const option = options.find((o) => o.value === v);
              if (option) onChange(option.value);
            }}
          >
            {options.map((option) => (
              <SingleSelectOption key={option.value} value={option.value}>
                {option.label}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      </Grid.Item>
    </Grid.Root>
  </Box>
);
