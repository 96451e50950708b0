import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { toSearchString } from '../utils/audit';
import { useApprovalPreview } from '../hooks/useApprovalPreview';
import { useGovernedTypes } from '../hooks/useGovernedTypes';
import { CHANGE_REQUESTS_URL, type ListChangeRequestsResponse } from '../utils/approvals';

export const SUBMIT_LABEL = 'Submit for approval';

/**
 * The Content Manager's Publish action of a governed record, relabelled "Submit for approval" when
 * the server says publishing the stored draft needs approval. The publish itself is still the
 * Content Manager's own call: the server turns it into a change request (202). Afterwards the
 * editor is told which request now waits, and for whom.
 */
export const withApprovalLabel = (Publish: DocumentActionComponent): DocumentActionComponent => {
  const ApprovalPublishAction: DocumentActionComponent = (props) => {
    // The wrapped action first, unconditionally: it is a hook-using description component.
    const description = Publish(props);
    const governed = useGovernedTypes();
    const { get } = useFetchClient();
    const { toggleNotification } = useNotification();
    const { model, documentId, document } = props;
    const isGoverned = governed?.some((type) => type.uid === model) ?? false;
    const saved = Boolean(documentId) && documentId !== 'create';
    const preview = useApprovalPreview({
      uid: model,
      documentId: saved ? documentId : undefined,
      locale: typeof document?.locale === 'string' ? document.locale : null,
      refreshKey: typeof document?.updatedAt === 'string' ? document.updatedAt : undefined,
      skip: !isGoverned || !saved,
    });

    if (!description || !preview?.needsApproval) return description;

    /** After the publish: the request it opened (or amended), as a notification. */
    const announce = async () => {
      try {
        const search = toSearchString({ uid: model, documentId, status: 'pending', pageSize: 1 });
        const { data } = await get<ListChangeRequestsResponse>(CHANGE_REQUESTS_URL, { params: search });
        const request = data.data[0];
        if (!request) return;
        const step = request.steps.find((s) => s.status === 'current');
        toggleNotification({
          type: 'info',
          title: 'Submitted for approval',
          message: `Change request #${request.id} waits for ${step ? `${step.name} (${step.roles.join(' or ')})` : 'approval'}; the live record changes once it is approved.`,
        });
      } catch {
        // The panel shows the request too; a failed lookup only loses the notification.
      }
    };

    return {
      ...description,
      label: SUBMIT_LABEL,
      onClick: async (event) => {
        const result = await description.onClick?.(event);
        // `true`: published without the confirmation dialog; otherwise the dialog's confirm publishes.
        if (result === true) await announce();
        return result;
      },
      dialog:
        description.dialog?.type === 'dialog'
          ? {
              ...description.dialog,
              onConfirm: async () => {
                await (description.dialog as { onConfirm?: () => void | Promise<void> }).onConfirm?.();
                await announce();
              },
            }
          : description.dialog,
    };
  };
  ApprovalPublishAction.type = 'publish';
  ApprovalPublishAction.position = Publish.position;
  return ApprovalPublishAction;
};
