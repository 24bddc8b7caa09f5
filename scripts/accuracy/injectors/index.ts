/** Every defect the accuracy benchmark makes, one kind per file. */
import { deleteCount } from './delete-count';
import { doubleCharacter } from './double-character';
import { dropClosingMark } from './drop-closing-mark';
import { typoMisspelling, typoVariant } from './typo';
import type { Injector } from './types';
import { yearZero } from './year-zero';

export const INJECTORS: readonly Injector[] = [deleteCount, typoMisspelling, typoVariant, dropClosingMark, doubleCharacter, yearZero];
export type { Defect, Injector } from './types';
