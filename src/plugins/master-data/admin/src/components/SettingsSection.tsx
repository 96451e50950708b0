import { Box, Flex, Typography } from '@strapi/design-system';

interface Props {
  title: string;
  subtitle?: string;
  /** Buttons at the right of the title. */
  actions?: React.ReactNode;
  children: React.ReactNode;
}

/** A titled white panel of a settings page (a region named by its title). */
export const SettingsSection = ({ title, subtitle, actions, children }: Props) => (
  <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius tag="section" aria-label={title}>
    <Flex justifyContent="space-between" alignItems="flex-start" gap={4} paddingBottom={4}>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="pi" textColor="neutral600">
            {subtitle}
          </Typography>
        )}
      </Flex>
      {actions}
    </Flex>
    {children}
  </Box>
);
