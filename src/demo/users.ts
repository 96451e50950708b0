/** Demo admin users, one per role a master data team uses. Development data only. */
export const DEMO_PASSWORD = 'Demo-Passw0rd!';

export const DEMO_ADMINS = [
  { email: 'admin@demo.local', firstname: 'Ada', lastname: 'Admin', roleCode: 'strapi-super-admin', roleName: 'Super Admin' },
  { email: 'steward@demo.local', firstname: 'Sam', lastname: 'Steward', roleCode: 'data-steward', roleName: 'Data Steward' },
  { email: 'approver@demo.local', firstname: 'Alex', lastname: 'Approver', roleCode: 'approver', roleName: 'Approver' },
  { email: 'sales@demo.local', firstname: 'Sally', lastname: 'Sales', roleCode: 'sales', roleName: 'Sales' },
  { email: 'finance@demo.local', firstname: 'Finn', lastname: 'Finance', roleCode: 'finance', roleName: 'Finance' },
];
