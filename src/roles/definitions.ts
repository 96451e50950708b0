/**
 * The admin roles a master data team uses, with field-level access to customers.
 * Pure data: which content-manager actions each role has, and which customer fields it may not see
 * or may only touch. Applied by ./ensure.ts.
 */
export const CUSTOMER = 'api::customer.customer';
export const CUSTOMER_GROUP = 'api::customer-group.customer-group';

/** Credit and payment data: finance's business. */
export const CREDIT_FIELDS = ['creditRating', 'creditLimit', 'currency', 'paymentTerms'];
/** Bank accounts: sensitive, finance only. */
export const BANK_FIELDS = ['bankAccounts'];

export type CrudAction = 'create' | 'read' | 'update' | 'delete' | 'publish';

export interface SubjectGrant {
  subject: string;
  actions: CrudAction[];
  /** Top-level fields (or components) withheld from read/create/update. */
  exceptFields?: string[];
  /** When set, only these top-level fields (or components) may be created/updated. */
  writableFields?: string[];
}

export interface RoleDefinition {
  code: string;
  name: string;
  description: string;
  grants: SubjectGrant[];
  /** Plugin actions without a subject, e.g. `plugin::master-data.audit.read`. */
  actions?: string[];
}

const AUDIT_READ = 'plugin::master-data.audit.read';
const DUPLICATES_READ = 'plugin::master-data.duplicates.read';
const DUPLICATES_MANAGE = 'plugin::master-data.duplicates.manage';
const DUPLICATES_OVERRIDE = 'plugin::master-data.duplicates.override';
const CHANGE_REQUESTS_READ = 'plugin::master-data.change-requests.read';
const CHANGE_REQUESTS_APPROVE = 'plugin::master-data.change-requests.approve';

const ALL: CrudAction[] = ['create', 'read', 'update', 'delete', 'publish'];

export const ROLE_DEFINITIONS: RoleDefinition[] = [
  {
    code: 'data-steward',
    name: 'Data Steward',
    description: 'Creates, edits, publishes and merges customers; sees every field.',
    grants: [
      { subject: CUSTOMER, actions: ALL },
      { subject: CUSTOMER_GROUP, actions: ALL },
    ],
    actions: [AUDIT_READ, DUPLICATES_READ, DUPLICATES_MANAGE, DUPLICATES_OVERRIDE, CHANGE_REQUESTS_READ],
  },
  {
    code: 'approver',
    name: 'Approver',
    description: 'Reviews and signs off changes to customers; reads every field and the audit trail, edits none.',
    grants: [
      { subject: CUSTOMER, actions: ['read'] },
      { subject: CUSTOMER_GROUP, actions: ['read'] },
    ],
    actions: [AUDIT_READ, DUPLICATES_READ, CHANGE_REQUESTS_READ, CHANGE_REQUESTS_APPROVE],
  },
  {
    code: 'sales',
    name: 'Sales',
    description: 'Maintains classification, lifecycle and contacts; never sees bank accounts or credit data.',
    grants: [
      { subject: CUSTOMER, actions: ['create', 'read', 'update'], exceptFields: [...BANK_FIELDS, ...CREDIT_FIELDS] },
      { subject: CUSTOMER_GROUP, actions: ['read'] },
    ],
    // Sales create customers: they see potential duplicates (without the fields they cannot read).
    actions: [DUPLICATES_READ, CHANGE_REQUESTS_READ],
  },
  {
    code: 'finance',
    name: 'Finance',
    description: 'Reads customers; maintains credit, payment terms and bank accounts.',
    grants: [
      { subject: CUSTOMER, actions: ['read', 'update'], writableFields: [...CREDIT_FIELDS, ...BANK_FIELDS] },
      { subject: CUSTOMER_GROUP, actions: ['read'] },
    ],
    actions: [CHANGE_REQUESTS_READ, CHANGE_REQUESTS_APPROVE],
  },
];

const topLevel = (path: string) => path.split('.')[0];

/** The nested field paths (as the admin RBAC names them) a grant allows for one action. */
export const fieldsFor = (grant: SubjectGrant, action: CrudAction, allFields: string[]): string[] => {
  let fields = allFields.filter((f) => !grant.exceptFields?.includes(topLevel(f)));
  if (grant.writableFields && (action === 'create' || action === 'update')) {
    fields = fields.filter((f) => grant.writableFields!.includes(topLevel(f)));
  }
  return fields;
};
