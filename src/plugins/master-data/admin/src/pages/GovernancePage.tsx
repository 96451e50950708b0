import { useEffect, useState } from 'react';
import { Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography, Badge } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import type { GetGovernance, GovernedType } from '../../../shared/contracts/governance';

/** Read-only view of what the plugin governs: content types, generated codes, field rules. */
const GovernancePage = () => {
  const { get } = useFetchClient();
  const [state, setState] = useState<{ enabled: boolean; governed: GovernedType[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get<GetGovernance['Response']>('/master-data/governance')
      .then(({ data }) => setState(data.data))
      .catch((e: Error) => setError(e.message));
  }, [get]);

  if (error) return <Page.Error />;
  if (!state) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>Master data governance</Page.Title>
      <Layouts.Header
        title="Governance"
        subtitle={state.enabled ? 'Every write of these content types is validated and standardised.' : 'Governance is switched off.'}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {state.governed.map((type) => (
            <Box key={type.uid} background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <Flex gap={2} paddingBottom={4}>
                <Typography variant="delta" tag="h2">{type.displayName}</Typography>
                <Badge>{type.uid}</Badge>
                {type.code && <Badge>code {type.code.field}: {type.code.prefix}{'0'.repeat(type.code.digits)}</Badge>}
              </Flex>
              <Table colCount={3} rowCount={type.fields.length + 1}>
                <Thead>
                  <Tr>
                    <Th><Typography variant="sigma">Field</Typography></Th>
                    <Th><Typography variant="sigma">Rule</Typography></Th>
                    <Th><Typography variant="sigma">Country from</Typography></Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {type.fields.map((field) => (
                    <Tr key={field.path}>
                      <Td><Typography>{field.path}</Typography></Td>
                      <Td><Typography>{[field.type, field.required && 'required', field.allowed && `one of ${field.allowed.length}`, field.pattern && `pattern ${field.pattern}`, field.sensitive && 'sensitive'].filter(Boolean).join(', ')}</Typography></Td>
                      <Td><Typography>{field.countryField ?? (field.type === 'phone' || field.type === 'taxId' ? 'country' : '')}</Typography></Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </Box>
          ))}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default GovernancePage;
