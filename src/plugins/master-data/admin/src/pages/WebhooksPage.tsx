import { Box, Button, EmptyStateLayout, Flex, Loader } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { WebhooksTable } from '../components/WebhooksTable';
import { useWebhooks } from '../hooks/useWebhooks';
import { PERMISSIONS } from '../permissions';
import { webhookPath, WEBHOOK_CREATE_PATH } from '../utils/webhooks';
import { WebhookFormPage } from './WebhookFormPage';
import { WebhookPage } from './WebhookPage';

/** The endpoints: where each sends, what, whether it is enabled or failing, and its deliveries by status. */
const WebhooksList = () => {
  const navigate = useNavigate();
  const { endpoints, loading, error } = useWebhooks();
  const { allowedActions } = useRBAC(PERMISSIONS.webhooksManage);

  return (
    <Page.Main>
      <Page.Title>Webhooks</Page.Title>
      <Layouts.Header
        title="Webhooks"
        subtitle="Systems that receive the changes of governed records: signed, retried for about three days, replayable."
        primaryAction={
          allowedActions.canManage ? (
            <Button startIcon={<Plus />} onClick={() => navigate(WEBHOOK_CREATE_PATH)}>
              Create endpoint
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        {loading && endpoints.length === 0 ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>Loading the endpoints…</Loader>
          </Flex>
        ) : error ? (
          <EmptyStateLayout content={`The endpoints could not be loaded: ${error}`} hasRadius shadow="tableShadow" />
        ) : endpoints.length === 0 ? (
          <EmptyStateLayout content="No webhook endpoints yet." hasRadius shadow="tableShadow" />
        ) : (
          <Box>
            <WebhooksTable endpoints={endpoints} onOpen={(endpoint) => navigate(webhookPath(endpoint.id))} />
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

/** Settings → Master data → Webhooks: the list, `new`, an endpoint at `:id`, its form at `:id/edit`. */
const WebhooksPage = () => (
  <Page.Protect permissions={PERMISSIONS.webhooksRead}>
    <Routes>
      <Route index element={<WebhooksList />} />
      <Route path="new" element={<WebhookFormPage />} />
      <Route path=":id" element={<WebhookPage />} />
      <Route path=":id/edit" element={<WebhookFormPage />} />
    </Routes>
  </Page.Protect>
);

export default WebhooksPage;
