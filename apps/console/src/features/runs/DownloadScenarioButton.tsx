// "Download the scenario" on a run's page: the stored scenario a run was started with, as the file
// the CLI and "start from a file" read (`<name>.scenario.json`, `<name>.programme-scenario.json`).
import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { downloadText, slug } from '../exit-documents/files';

export function DownloadScenarioButton({
  scenario,
  name,
  extension,
}: {
  scenario: unknown;
  name: string;
  /** The file name's ending after the run's name, e.g. `.scenario.json`. */
  extension: string;
}) {
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} />}
      onClick={() =>
        downloadText(`${JSON.stringify(scenario, null, 2)}\n`, `${slug(name)}${extension}`, 'application/json')
      }
    >
      Download the scenario
    </Button>
  );
}
