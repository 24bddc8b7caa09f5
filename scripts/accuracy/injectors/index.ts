/** Every defect the accuracy benchmark makes, one kind per file. */
import { alterPart } from './alter-part';
import { alterRate, misstateRate } from './alter-rate';
import { deleteCount } from './delete-count';
import { impossibleDate } from './impossible-date';
import { restate } from './restate';
import type { Injector } from './types';

export const INJECTORS: readonly Injector[] = [deleteCount, alterPart, alterRate, misstateRate, restate, impossibleDate];
export type { Defect, Injector } from './types';
