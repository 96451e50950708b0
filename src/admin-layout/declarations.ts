/**
 * How the Content Manager shows the governed content types and their components: readable labels,
 * help text where a value has rules, the list view's columns. Applied at start-up (./apply.ts) to
 * every label, column and setting an admin has not changed in *Content Manager → Configure the view*;
 * what an admin changed there stays as they left it.
 */
import type { LayoutDeclaration } from './plan';

const customer: LayoutDeclaration = {
  uid: 'api::customer.customer',
  // Relations to a customer (a group's customers, "merged into") show its name; the list opens sorted by code.
  settings: { mainField: 'name', defaultSortBy: 'code', defaultSortOrder: 'ASC', pageSize: 20 },
  // Draft & publish adds its Status column after these.
  list: ['code', 'name', 'city', 'country', 'lifecycleStage'],
  fields: {
    code: { label: 'Customer code', listLabel: 'Code' },
    name: { label: 'Name', description: 'The name the customer is known by. Checked for duplicates as you save.' },
    legalName: { label: 'Legal name', description: 'The registered name, as on the business licence or in the commercial register.' },
    customerType: { label: 'Customer type', description: 'A person is never blocked as a duplicate by the name alone.' },
    taxId: {
      label: 'Tax ID',
      description: 'China: the 18-character unified social credit code. Elsewhere: the VAT or company number of the country below.',
    },
    country: { label: 'Country', description: 'Phone numbers and the tax ID are read in this country.' },
    region: { label: 'Region / province' },
    city: { label: 'City' },
    industry: { label: 'Industry' },
    segment: { label: 'Segment' },
    tier: { label: 'Tier' },
    lifecycleStage: { label: 'Lifecycle stage', description: '"merged" is set by a merge only.' },
    creditRating: { label: 'Credit rating', placeholder: 'e.g. AA' },
    creditLimit: { label: 'Credit limit', description: 'In the currency below. A change needs approval; 1,000,000 or more also needs Finance.' },
    currency: { label: 'Currency' },
    paymentTerms: { label: 'Payment terms', placeholder: 'e.g. NET30' },
    website: { label: 'Website' },
    email: { label: 'Email' },
    phone: { label: 'Phone', description: 'Stored in international form (+86…), read in the country above.' },
    preferences: { label: 'Preferences', description: 'JSON, e.g. { "language": "zh-CN", "invoiceDelivery": "email" }' },
    notes: { label: 'Notes' },
    group: { label: 'Customer group', mainField: 'name' },
    mergedInto: { label: 'Merged into', description: 'The surviving record, set by a merge.', mainField: 'name' },
    addresses: { label: 'Addresses' },
    contacts: { label: 'Contacts' },
    bankAccounts: { label: 'Bank accounts' },
    externalIds: { label: 'External IDs', description: "The customer's IDs in ERP, CRM and shop systems." },
  },
};

const customerGroup: LayoutDeclaration = {
  uid: 'api::customer-group.customer-group',
  settings: { mainField: 'name', defaultSortBy: 'code', defaultSortOrder: 'ASC' },
  list: ['code', 'name', 'parent'],
  fields: {
    name: { label: 'Name' },
    code: { label: 'Group code', listLabel: 'Code', description: 'A short code chosen by people, e.g. KA-CN.' },
    parent: { label: 'Parent group', mainField: 'name' },
    children: { label: 'Sub-groups', mainField: 'name' },
    customers: { label: 'Customers', mainField: 'name' },
  },
};

const address: LayoutDeclaration = {
  uid: 'customer.address',
  list: ['type', 'line1', 'city', 'country'],
  fields: {
    type: { label: 'Address type' },
    line1: { label: 'Address line 1' },
    line2: { label: 'Address line 2' },
    city: { label: 'City' },
    region: { label: 'Region / province' },
    postalCode: { label: 'Postal code' },
    country: { label: 'Country' },
    isPrimary: { label: 'Primary address' },
  },
};

const contact: LayoutDeclaration = {
  uid: 'customer.contact',
  fields: {
    name: { label: 'Name' },
    title: { label: 'Job title' },
    email: { label: 'Email' },
    phone: { label: 'Phone', description: "Read in the customer's country." },
    isPrimary: { label: 'Primary contact' },
  },
};

const bankAccount: LayoutDeclaration = {
  uid: 'customer.bank-account',
  fields: {
    bankName: { label: 'Bank' },
    accountName: { label: 'Account holder' },
    accountNumber: { label: 'Account number' },
    iban: { label: 'IBAN', description: 'Checked: country, length and check digits.' },
    swift: { label: 'SWIFT / BIC' },
  },
};

const externalId: LayoutDeclaration = {
  uid: 'customer.external-id',
  fields: {
    system: { label: 'System', placeholder: 'e.g. SAP' },
    externalId: { label: 'ID in that system' },
  },
};

export const LAYOUTS: LayoutDeclaration[] = [customer, customerGroup, address, contact, bankAccount, externalId];
