/** Every defect the accuracy benchmark makes, one kind per file. */
import { deleteCount } from './delete-count';
import type { Injector } from './types';

export const INJECTORS: readonly Injector[] = [deleteCount];
export type { Defect, Injector } from './types';
