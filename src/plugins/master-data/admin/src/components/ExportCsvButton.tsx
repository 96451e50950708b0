import { useState } from 'react';
import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { AuditQuery } from '../../../shared/contracts/audit';
import { AUDIT_EVENTS_URL, errorMessage, toSearchString } from '../utils/audit';
import { downloadBlob } from '../utils/download';

/** The file name the server proposes (Content-Disposition), or a dated default. */
const fileName = (headers?: Headers) => {
  const match = /filename="?([^";]+)"?/i.exec(headers?.get('content-disposition') ?? '');
  return match?.[1] ?? `audit-events-${new Date().toISOString().slice(0, 10)}.csv`;
};

/**
 * Downloads the events matching `query` as CSV. The export route needs the admin JWT, which a plain
 * link would not send, so the file is fetched with the admin fetch client and saved from a blob.
 */
export const ExportCsvButton = ({ query }: { query: AuditQuery }) => {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const { data, headers } = await get(`${AUDIT_EVENTS_URL}/export`, { params: toSearchString(query), responseType: 'blob' });
      downloadBlob(fileName(headers), data);
    } catch (e) {
      toggleNotification({ type: 'danger', message: `The export failed: ${errorMessage(e)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button variant="secondary" startIcon={<Download />} onClick={download} loading={busy}>
      Export CSV
    </Button>
  );
};
