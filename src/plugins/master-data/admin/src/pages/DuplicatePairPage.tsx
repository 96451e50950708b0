import { useEffect, useMemo, useState } from 'react';
import { Alert, Box, Button, EmptyStateLayout, Flex, Link, Loader, Radio, Typography } from '@strapi/design-system';
import { ArrowLeft, Cross, ArrowsCounterClockwise } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { NavLink, useNavigate, useParams } from 'react-router-dom';
import type { DuplicatePair } from '../../../shared/contracts/matching';
import type { MergeRecord, MergeRequest } from '../../../shared/contracts/merging';
import { DecisionBadge } from '../components/DecisionBadge';
import { MatchReasonsTable } from '../components/MatchReasonsTable';
import { RecordsCompareTable } from '../components/RecordsCompareTable';
import { useDuplicatePair } from '../hooks/useDuplicatePair';
import { useMergePreview } from '../hooks/useMergePreview';
import { PERMISSIONS } from '../permissions';
import { errorMessage, formatDateTime } from '../utils/audit';
import {
  comparedFields,
  DUPLICATES_PAGE_PATH,
  DUPLICATES_URL,
  editViewPath,
  formatScore,
  isComponentValue,
  isEmptyValue,
  MERGES_URL,
  recordName,
  sameValue,
  statusLabel,
  type FullRecord,
} from '../utils/duplicates';

/** Fields a merge sets itself (the code stays the survivor's; the merged record's stage and pointer). */
const NOT_PICKED = new Set(['code', 'lifecycleStage', 'mergedInto']);

/** The record that was there first (the likelier original), as the default survivor. */
const older = (pair: DuplicatePair, records: Record<string, FullRecord>) => {
  const time = (id: string) => {
    const t = Date.parse(String(records[id]?.createdAt ?? ''));
    return Number.isNaN(t) ? Infinity : t;
  };
  return time(pair.b) < time(pair.a) ? pair.b : pair.a;
};

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    <Box paddingTop={4}>{children}</Box>
  </Box>
);

/** What became of a merged pair: which record survived, a link to it, and the way back. */
const MergedNotice = ({
  uid,
  merge,
  records,
  canManage,
  unmerging,
  onUnmerge,
}: {
  uid: string;
  merge: MergeRecord | null;
  records: Record<string, FullRecord>;
  canManage: boolean;
  unmerging: boolean;
  onUnmerge(): void;
}) => (
  <Box background="success100" borderColor="success200" borderStyle="solid" borderWidth="1px" padding={5} hasRadius role="status" aria-label="Merge result">
    <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="delta" tag="p" textColor="success700">
          Merged
        </Typography>
        {merge ? (
          <>
            <Typography textColor="neutral800">
              {`${merge.merged.map((id) => recordName(records[id], id)).join(', ')} was merged into ${recordName(records[merge.survivor], merge.survivor)}${
                merge.createdBy ? ` by ${merge.createdBy}` : ''
              } on ${formatDateTime(merge.createdAt)}.`}
            </Typography>
            <Link tag={NavLink} to={editViewPath(uid, merge.survivor)}>
              {`Open the survivor, ${recordName(records[merge.survivor], merge.survivor)}, in the Content Manager`}
            </Link>
          </>
        ) : (
          <Typography textColor="neutral800">These records were merged.</Typography>
        )}
      </Flex>
      {merge && canManage && (
        <Button variant="secondary" startIcon={<ArrowsCounterClockwise />} onClick={onUnmerge} loading={unmerging}>
          Unmerge
        </Button>
      )}
    </Flex>
  </Box>
);

/**
 * One pair of the review queue: both records side by side (differences highlighted), why they
 * match, and — for an open pair — the survivor and the value of each differing field, then "Merge"
 * or "Not a duplicate". A merged pair shows the merge and can be unmerged.
 */
export const DuplicatePairPage = () => {
  const { id: param } = useParams();
  const id = Number(param);
  const valid = Number.isInteger(id) && id > 0;
  const { pair, records, merge: storedMerge, loading, error, reload } = useDuplicatePair(valid ? id : 0);
  const { allowedActions } = useRBAC(PERMISSIONS.duplicatesManage);
  const canManage = allowedActions.canManage;
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();

  const [survivor, setSurvivor] = useState<string | null>(null);
  const [picks, setPicks] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'merge' | 'unmerge' | 'dismiss' | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  /** The merge just made here (the stored one is found again on reload). */
  const [justMerged, setJustMerged] = useState<MergeRecord | null>(null);

  // A new pair: the older record survives by default, with its values.
  useEffect(() => {
    if (pair) setSurvivor((current) => (current === pair.a || current === pair.b ? current : older(pair, records)));
  }, [pair, records]);

  const a = pair ? records[pair.a] : undefined;
  const b = pair ? records[pair.b] : undefined;
  const other = pair && survivor ? (survivor === pair.a ? pair.b : pair.a) : null;
  const open = pair?.status === 'open';
  const fields = useMemo(() => (a && b ? comparedFields([a, b]) : []), [a, b]);

  const request: MergeRequest | null = open && pair && survivor && other && a && b ? { uid: pair.uid, survivor, merged: [other], picks } : null;
  const { preview, error: previewError } = useMergePreview(request);

  // Picks are offered where the records differ and a merge chooses one value: the server's conflicts
  // once the preview is in, else the differing single values.
  const pickable = useMemo(() => {
    if (!a || !b) return new Set<string>();
    const differing = fields.filter((f) => !NOT_PICKED.has(f) && !sameValue(a[f], b[f]) && !isComponentValue(a[f]) && !isComponentValue(b[f]));
    return new Set(preview ? preview.conflicts.filter((f) => fields.includes(f)) : differing);
  }, [a, b, fields, preview]);

  /** The record whose value a field keeps: the pick, else the preview's source, else the survivor's (unless it is empty). */
  const choice = (field: string) => {
    if (!survivor || !other) return pair?.a ?? '';
    const picked = picks[field];
    if (picked) return picked;
    const source = preview?.sources[field];
    if (source === survivor || source === other) return source;
    return isEmptyValue(records[survivor]?.[field]) && !isEmptyValue(records[other]?.[field]) ? other : survivor;
  };

  const chooseSurvivor = (documentId: string) => {
    setSurvivor(documentId);
    setPicks({}); // each field starts again from the new survivor's value
  };

  const fail = (e: unknown) => {
    const message = errorMessage(e);
    setActionError(message);
    toggleNotification({ type: 'danger', message });
  };

  const doMerge = async () => {
    if (!request) return;
    setBusy('merge');
    setActionError(null);
    try {
      const { data } = await post<{ data: MergeRecord }>(MERGES_URL, request);
      setJustMerged(data.data);
      toggleNotification({ type: 'success', message: 'Merged' });
      reload();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const merge = justMerged ?? storedMerge;
  const doUnmerge = async () => {
    if (!merge) return;
    setBusy('unmerge');
    setActionError(null);
    try {
      await post<{ data: MergeRecord }>(`${MERGES_URL}/${merge.id}/unmerge`, {});
      setJustMerged(null);
      setPicks({});
      toggleNotification({ type: 'success', message: 'Unmerged' });
      reload();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const dismiss = async () => {
    if (!pair) return;
    setBusy('dismiss');
    setActionError(null);
    try {
      await post<{ data: DuplicatePair }>(`${DUPLICATES_URL}/${pair.id}/not-duplicate`, {});
      toggleNotification({ type: 'success', message: 'Marked as not a duplicate' });
      navigate(DUPLICATES_PAGE_PATH);
    } catch (e) {
      fail(e);
      setBusy(null);
    }
  };

  const back = (
    <Link tag={NavLink} to={DUPLICATES_PAGE_PATH} startIcon={<ArrowLeft />}>
      Back to the duplicates
    </Link>
  );

  if (!valid || (!loading && (error || !pair))) {
    return (
      <Page.Main>
        <Page.Title>Duplicate pair</Page.Title>
        <Layouts.Header title="Duplicate pair" navigationAction={back} />
        <Layouts.Content>
          <EmptyStateLayout content={`The pair could not be loaded: ${valid ? (error ?? 'not found') : 'not a pair id'}`} hasRadius shadow="tableShadow" />
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!pair) {
    return (
      <Page.Main>
        <Page.Title>Duplicate pair</Page.Title>
        <Flex justifyContent="center" padding={8}>
          <Loader>Loading the pair…</Loader>
        </Flex>
      </Page.Main>
    );
  }

  return (
    <Page.Main>
      <Page.Title>{`Duplicate pair #${pair.id}`}</Page.Title>
      <Layouts.Header
        navigationAction={back}
        title={`Duplicate pair #${pair.id}`}
        subtitle={`${recordName(a, pair.a)} and ${recordName(b, pair.b)} · score ${formatScore(pair.score)} · ${statusLabel(pair.status)}${
          pair.resolvedBy && pair.status !== 'open' ? ` by ${pair.resolvedBy}` : ''
        }`}
        secondaryAction={<DecisionBadge decision={pair.decision} />}
        primaryAction={
          open && canManage ? (
            <Flex gap={2}>
              <Button variant="tertiary" startIcon={<Cross />} onClick={dismiss} loading={busy === 'dismiss'} disabled={busy !== null}>
                Not a duplicate
              </Button>
              <Button onClick={doMerge} loading={busy === 'merge'} disabled={busy !== null || !request}>
                Merge
              </Button>
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {actionError && (
            <Alert variant="danger" title="The action failed" closeLabel="Close" onClose={() => setActionError(null)}>
              {actionError}
            </Alert>
          )}
          {pair.status === 'merged' && (
            <MergedNotice uid={pair.uid} merge={merge} records={records} canManage={canManage} unmerging={busy === 'unmerge'} onUnmerge={doUnmerge} />
          )}
          {pair.overrideReason && (
            <Alert variant="warning" title="Created over a duplicate block" closeLabel="Close">
              {pair.overrideReason}
            </Alert>
          )}
          {!a || !b ? (
            <EmptyStateLayout content="One of the records no longer exists." hasRadius shadow="tableShadow" />
          ) : (
            <>
              {open && canManage && survivor && (
                <Section title="Survivor">
                  <Flex direction="column" alignItems="flex-start" gap={3}>
                    <Typography textColor="neutral600">
                      The survivor stays live and keeps its code; the other record is marked merged and points to it. Lists (addresses, contacts, …) are
                      united.
                    </Typography>
                    <Radio.Group aria-label="Survivor" value={survivor} onValueChange={chooseSurvivor} style={{ flexDirection: 'row', gap: '3.2rem' }}>
                      <Radio.Item value={pair.a}>Keep A</Radio.Item>
                      <Radio.Item value={pair.b}>Keep B</Radio.Item>
                    </Radio.Group>
                  </Flex>
                </Section>
              )}
              <Section title="Comparison">
                <Flex direction="column" alignItems="stretch" gap={3}>
                  <Typography textColor="neutral600">
                    {open && canManage
                      ? 'Highlighted rows differ. For each, pick the record whose value the survivor keeps; by default the survivor keeps its own.'
                      : 'Highlighted rows differ.'}
                  </Typography>
                  {previewError && (
                    <Typography variant="pi" textColor="danger600">
                      {`The merge preview could not be loaded: ${previewError}`}
                    </Typography>
                  )}
                  <RecordsCompareTable
                    uid={pair.uid}
                    fields={fields}
                    a={{ letter: 'A', record: a }}
                    b={{ letter: 'B', record: b }}
                    picking={
                      open && canManage && survivor
                        ? {
                            survivor,
                            pickable,
                            choice,
                            onPick: (field, documentId) => setPicks((current) => ({ ...current, [field]: documentId })),
                            preview,
                          }
                        : undefined
                    }
                  />
                </Flex>
              </Section>
            </>
          )}
          <Section title={`Why they match: ${formatScore(pair.score)}`}>
            <MatchReasonsTable reasons={pair.reasons} />
          </Section>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
