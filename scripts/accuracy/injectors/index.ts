/** Every defect the accuracy benchmark makes, one kind per file. */
import { alterPart } from './alter-part';
import { alterRate, misstateRate } from './alter-rate';
import { deleteCount } from './delete-count';
import { doubleCharacter } from './double-character';
import { dropClosingMark } from './drop-closing-mark';
import { typoMisspelling, typoVariant } from './typo';
import { impossibleDate } from './impossible-date';
import { restate } from './restate';
import type { Injector } from './types';
import { yearZero } from './year-zero';

export const INJECTORS: readonly Injector[] = [deleteCount, alterPart, alterRate, misstateRate, restate, impossibleDate, typoMisspelling, typoVariant, dropClosingMark, doubleCharacter, yearZero];
export type { Defect, Injector } from './types';
