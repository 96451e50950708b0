import { Box, Flex, ProgressBar, Typography } from '@strapi/design-system';
import type { SettingsJob } from '../../../shared/contracts/settings';
import { useSettingsJobs } from '../hooks/useSettingsJobs';
import { jobPercent, jobText } from '../utils/settingsJobs';

const tone = (job: SettingsJob) => (job.status === 'failed' ? 'danger' : job.status === 'done' ? 'success' : 'primary');

/** Background work after a save, with its progress; says when it is done (or why it failed). */
export const SettingsJobsStatus = ({ typeNames }: { typeNames: Record<string, string> }) => {
  const jobs = useSettingsJobs();
  if (jobs.length === 0) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} role="status" aria-label="Background work">
      {jobs.map((job) => {
        const percent = jobPercent(job);
        return (
          <Box
            key={job.id}
            background={`${tone(job)}100`}
            borderColor={`${tone(job)}200`}
            borderStyle="solid"
            borderWidth="1px"
            padding={4}
            hasRadius
            data-job={job.id}
            data-job-status={job.status}
          >
            <Flex justifyContent="space-between" gap={4}>
              <Typography textColor={`${tone(job)}700`} fontWeight="bold">
                {jobText(job, typeNames)}
              </Typography>
              {(job.status === 'running' || job.status === 'queued') && percent !== undefined && <ProgressBar value={percent} size="S" />}
            </Flex>
          </Box>
        );
      })}
    </Flex>
  );
};
