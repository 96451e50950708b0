/**
 * Names the records of a page of audit events by their current code and name, so that the trail's
 * pages and the History panel show `C-000123 · 华南电子科技` instead of a documentId. One query per
 * content type on the page. The reader's read permissions apply: a reader who may not read the type
 * gets no label (the documentId only), one who may not read a field gets that part as null.
 */
import type { Core } from '@strapi/strapi';
import type { AuditEventView } from '../../../shared/contracts/audit';
import { getService } from '../governance/services';
import { storedRow } from '../governance/model';
import type { FieldReader } from '../security/field-access';
import { labelFields, toLabel } from './domain/label';

export const labelEvents = async (strapi: Core.Strapi, reader: FieldReader, events: AuditEventView[]): Promise<AuditEventView[]> => {
  const idsByUid = new Map<string, Set<string>>();
  for (const event of events) {
    if (!event.documentId || !(strapi.contentTypes as Record<string, unknown>)[event.uid]) continue;
    if (!idsByUid.has(event.uid)) idsByUid.set(event.uid, new Set());
    idsByUid.get(event.uid)!.add(event.documentId);
  }
  const labels = new Map<string, AuditEventView['label']>();
  const governed = getService('governance', strapi).load().governed;
  for (const [uid, ids] of idsByUid) {
    if (!(await reader.canRead(uid))) continue;
    const config = governed.get(uid);
    const fields = labelFields((strapi.contentTypes as Record<string, any>)[uid].attributes, { code: config?.code?.field, name: config?.matching?.fields.name });
    const select = [fields.code, fields.name].filter((f): f is string => f !== undefined);
    if (select.length === 0) continue;
    const rows: Record<string, unknown>[] = await strapi.db.query(uid as any).findMany({
      where: { documentId: { $in: [...ids] }, ...storedRow(strapi, uid) },
      select: ['documentId', ...select],
    });
    for (const row of rows) {
      const { values } = await reader.record(uid, Object.fromEntries(select.map((field) => [field, row[field]])));
      labels.set(`${uid}\u0000${row.documentId}`, toLabel(values, fields));
    }
  }
  return events.map((event) => ({ ...event, label: event.documentId ? (labels.get(`${event.uid}\u0000${event.documentId}`) ?? null) : null }));
};
