import { detectorProcessors } from '@trialwatch/detector';
import { fetcherProcessors } from '@trialwatch/fetcher';
import { normalizerProcessors } from '@trialwatch/normalizer';
import { notifierProcessors } from '@trialwatch/notifier';
import type { HandlerFactories } from '@trialwatch/pipeline';
import { schedulerProcessors } from '@trialwatch/scheduler';

/**
 * Every stage's processor, for processes that run several stages (`worker all`, `sync --once`). Its own
 * module, so that commands that only read (changes, show, status…) do not load the stages.
 */
export const allProcessors: HandlerFactories = {
  ...schedulerProcessors,
  ...fetcherProcessors,
  ...normalizerProcessors,
  ...detectorProcessors,
  ...notifierProcessors,
};
