export const governanceAdminRoutes = [
  {
    method: 'GET',
    path: '/governance',
    handler: 'governance.get',
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
];
