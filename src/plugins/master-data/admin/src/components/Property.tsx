import { Grid, Typography } from '@strapi/design-system';

interface Props {
  label: string;
  children: React.ReactNode;
  /** Grid columns of 12 on a wide screen (6 on a small one, 12 on a phone). */
  col?: number;
  /** How long text breaks: between words, or anywhere (URLs, ids). */
  wordBreak?: 'break-word' | 'break-all';
}

/** A labelled value in a property grid (a request's facts, an endpoint's settings). */
export const Property = ({ label, children, col = 3, wordBreak = 'break-word' }: Props) => (
  <Grid.Item col={col} s={col > 6 ? 12 : 6} xs={12} direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {typeof children === 'string' ? (
      <Typography textColor="neutral800" style={{ wordBreak }}>
        {children}
      </Typography>
    ) : (
      children
    )}
  </Grid.Item>
);
