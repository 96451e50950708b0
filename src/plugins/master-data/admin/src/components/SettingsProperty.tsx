import { Grid, Typography } from '@strapi/design-system';

/** A labelled value in a property grid (a version's who, when, why). */
export const Property = ({ label, children }: { label: string; children: string }) => (
  <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography textColor="neutral800" style={{ wordBreak: 'break-word' }}>
      {children}
    </Typography>
  </Grid.Item>
);
