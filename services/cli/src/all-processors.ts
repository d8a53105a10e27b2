import { detectorProcessors } from '@trialwatch/detector';
import { fetcherProcessors } from '@trialwatch/fetcher';
import { normalizerProcessors } from '@trialwatch/normalizer';
import { notifierProcessors } from '@trialwatch/notifier';
import type { HandlerFactories } from '@trialwatch/pipeline';
import { schedulerProcessors } from '@trialwatch/scheduler';

/**
 * Each deployable service's processors (its stages are their keys), and all of them together for processes
 * that run several stages (`worker all`, `sync --once`). Its own module, so that commands that only read
 * (changes, show, status…) do not load the stages.
 */
export const SERVICE_PROCESSORS: Readonly<Record<string, HandlerFactories>> = {
  scheduler: schedulerProcessors,
  fetcher: fetcherProcessors,
  normalizer: normalizerProcessors,
  detector: detectorProcessors,
  notifier: notifierProcessors,
};

export const allProcessors: HandlerFactories = Object.values(SERVICE_PROCESSORS).reduce<HandlerFactories>(
  (all, processors) => ({ ...all, ...processors }),
  {},
);
