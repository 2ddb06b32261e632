// Start a simulation from a sandbridge/scenario@1 document (docs/formats.md): a file chosen or the
// JSON pasted. The API checks the scenario; its BAD_USER_INPUT problems are listed with the JSON
// path each names (input.scenario.variants[1]…). Started, the run opens on its own page.
import { Button, FileInput, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { fieldProblems } from '../../api/errors';
import { StartSimulationDocument } from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';

export function StartSimulationDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const [started, start] = useMutation(StartSimulationDocument);

  async function choose(chosen: File | null) {
    setFile(chosen);
    setParseError(null);
    if (chosen) {
      setText(await chosen.text());
      if (!name) setName(chosen.name.replace(/\.scenario\.json$|\.json$/, ''));
    }
  }

  async function submit() {
    let scenario: unknown;
    try {
      scenario = JSON.parse(text);
    } catch (e) {
      setParseError(`Not JSON: ${(e as Error).message}`);
      return;
    }
    setParseError(null);
    const answer = await start({ input: { scenario, ...(name.trim() ? { name: name.trim() } : {}) } });
    if (answer.data) {
      onClose();
      void navigate(`/negotiator/simulations/${answer.data.startSimulation.id}`);
    }
  }

  return (
    <Dialog opened={opened} onClose={onClose} title="Start a simulation" size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <ErrorNotice error={started.error} unplaced={fieldProblems(started.error)} />
          <FileInput
            label="Scenario file"
            description="A sandbridge/scenario@1 JSON file"
            accept="application/json,.json"
            clearable
            value={file}
            onChange={(chosen) => void choose(chosen)}
          />
          <Textarea
            label="Scenario (JSON)"
            description="The file's contents, or paste a scenario here"
            autosize
            minRows={4}
            maxRows={12}
            value={text}
            error={parseError}
            onChange={(event) => setText(event.currentTarget.value)}
            styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
          />
          <TextInput
            label="Name"
            description="Left empty, the scenario's own name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button type="submit" loading={started.fetching} disabled={!text.trim()}>
              Start
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
