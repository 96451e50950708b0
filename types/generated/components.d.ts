import type { Schema, Struct } from '@strapi/strapi';

export interface CustomerAddress extends Struct.ComponentSchema {
  collectionName: 'components_customer_addresses';
  info: {
    description: 'A postal address of the customer';
    displayName: 'Address';
    icon: 'pinMap';
  };
  attributes: {
    city: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    country: Schema.Attribute.String &
      Schema.Attribute.CustomField<'plugin::master-data.country'> &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2;
      }>;
    isPrimary: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    line1: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    line2: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    postalCode: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
    region: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    type: Schema.Attribute.Enumeration<['billing', 'shipping', 'registered']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'billing'>;
  };
}

export interface CustomerBankAccount extends Struct.ComponentSchema {
  collectionName: 'components_customer_bank_accounts';
  info: {
    description: 'A bank account of the customer (sensitive)';
    displayName: 'Bank account';
    icon: 'briefcase';
  };
  attributes: {
    accountName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    accountNumber: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    bankName: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    iban: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 34;
      }>;
    swift: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 11;
      }>;
  };
}

export interface CustomerContact extends Struct.ComponentSchema {
  collectionName: 'components_customer_contacts';
  info: {
    description: 'A person to contact at the customer';
    displayName: 'Contact';
    icon: 'user';
  };
  attributes: {
    email: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 254;
      }>;
    isPrimary: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    phone: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 32;
      }>;
    title: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
  };
}

export interface CustomerExternalId extends Struct.ComponentSchema {
  collectionName: 'components_customer_external_ids';
  info: {
    description: "The customer's id in another system (ERP, CRM, shop)";
    displayName: 'External id';
    icon: 'link';
  };
  attributes: {
    externalId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    system: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 50;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'customer.address': CustomerAddress;
      'customer.bank-account': CustomerBankAccount;
      'customer.contact': CustomerContact;
      'customer.external-id': CustomerExternalId;
    }
  }
}
