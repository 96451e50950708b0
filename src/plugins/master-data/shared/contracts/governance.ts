/** GET /master-data/governance (admin): what the plugin governs, as configured. */
export interface GovernedFieldRule {
  path: string;
  /** The rule from the catalogue; absent when only the checks below apply. */
  type?: string;
  countryField?: string;
  required?: boolean;
  allowed?: string[];
  pattern?: string;
  patternMessage?: string;
  sample?: string;
  sensitive?: boolean;
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
