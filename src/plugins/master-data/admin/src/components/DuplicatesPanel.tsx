import { PERMISSIONS } from '../permissions';
import { DuplicatesList } from './DuplicatesList';
import { recordPanel } from './RecordPanel';

/** The stored records this one may duplicate, for admins allowed to see duplicates. */
export const DuplicatesPanel = recordPanel('Potential duplicates', PERMISSIONS.duplicatesRead, DuplicatesList);
