import type Docker from 'dockerode';
import { OutputTail, type Progress } from '../progress';

interface BuildEvent {
  stream?: string;
  error?: string;
  errorDetail?: { message?: string };
}

export interface BuildOutcome {
  /** The engine's error, or undefined when the image was built. */
  failure: string | undefined;
  /** The last lines of the build's output: the failing step's, when it failed. */
  tail: OutputTail;
}

/** Builds `context` (its `src` files) with the engine, showing each step as `name: Step N/M ...` and every line as detail. */
export async function buildImage(
  docker: Docker,
  context: { context: string; src: string[] },
  options: Record<string, unknown>,
  name: string,
  progress: Progress,
): Promise<BuildOutcome> {
  const tail = new OutputTail();
  const stream = await docker.buildImage(context, options);
  const failure = await new Promise<string | undefined>((resolve) => {
    let error: string | undefined;
    docker.modem.followProgress(
      stream,
      (streamError: Error | null) => resolve(streamError?.message ?? error),
      (event: BuildEvent) => {
        if (event.error) error = event.errorDetail?.message ?? event.error;
        const text = event.stream ?? '';
        tail.push(text);
        for (const line of text.split('\n').filter((l) => l.trim())) {
          if (/^Step \d+\/\d+ :/.test(line)) progress.step(`${name}: ${line.slice(0, 110)}`);
          else progress.detail(line);
        }
      },
    );
  });
  return { failure, tail };
}
