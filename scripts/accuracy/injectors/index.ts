/** Every defect the accuracy benchmark makes, one kind per file. */
import { alterPart } from './alter-part';
import { alterRate } from './alter-rate';
import { deleteCount } from './delete-count';
import { impossibleDate } from './impossible-date';
import type { Injector } from './types';

export const INJECTORS: readonly Injector[] = [deleteCount, alterPart, alterRate, impossibleDate];
export type { Defect, Injector } from './types';
