import { Alert, Button, Flex, Typography } from '@strapi/design-system';
import { useSettings } from '../hooks/useSettings';
import { errorLabel } from '../utils/settingsErrors';

/**
 * What the pages must say above everything: a saved version that cannot be applied, a save refused
 * because someone saved since (reload), and every key the server refused (each is also shown
 * beside its input where the page has one).
 */
export const SettingsNotices = ({ typeNames, onDownloadDraft }: { typeNames: Record<string, string>; onDownloadDraft(): void }) => {
  const { saved, conflict, errors, reload } = useSettings();
  const problem = saved?.meta.problem;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {problem && (
        <Alert variant="danger" title={`Saved version ${problem.version} is not in force`} closeLabel="Close">
          {`${problem.message}. The settings shown are those in force; fix them and save.`}
        </Alert>
      )}
      {conflict && (
        <Alert
          variant="warning"
          title="Someone saved the settings since you loaded them"
          closeLabel="Close"
          action={
            <Flex gap={2}>
              <Button variant="secondary" onClick={onDownloadDraft}>
                Download my changes
              </Button>
              <Button onClick={() => void reload()}>Reload</Button>
            </Flex>
          }
        >
          {`${conflict} Reloading shows their version; your unsaved changes are lost (download them first to keep them).`}
        </Alert>
      )}
      {errors.length > 0 && (
        <Alert variant="danger" title={errors.length === 1 ? 'One setting was refused' : `${errors.length} settings were refused`} closeLabel="Close">
          <Flex tag="ul" direction="column" alignItems="flex-start" gap={1} paddingTop={1} aria-label="Refused settings">
            {errors.map((error, index) => (
              <li key={index}>
                <Typography fontWeight="bold">{errorLabel(error.path, typeNames)}</Typography>
                <Typography>{`: ${error.message}`}</Typography>
              </li>
            ))}
          </Flex>
        </Alert>
      )}
    </Flex>
  );
};
