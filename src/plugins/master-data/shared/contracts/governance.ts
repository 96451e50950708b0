/** GET /master-data/governance (admin): what the plugin governs, as configured. */
export interface GovernedFieldRule {
  path: string;
  type: string;
  countryField?: string;
}

export interface GovernedType {
  uid: string;
  displayName: string;
  code?: { field: string; prefix: string; digits: number };
  fields: GovernedFieldRule[];
}

export interface GetGovernance {
  Response: { data: { enabled: boolean; governed: GovernedType[] } };
}
