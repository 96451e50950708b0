import { IconButton } from '@strapi/design-system';
import { Eye } from '@strapi/icons';

/** A table row's eye button: opens what the row shows (the row's own click does the same). */
export const RowOpenButton = ({ label, onOpen }: { label: string; onOpen(): void }) => (
  <IconButton
    label={label}
    variant="ghost"
    onClick={(e: React.MouseEvent) => {
      e.stopPropagation();
      onOpen();
    }}
  >
    <Eye />
  </IconButton>
);
