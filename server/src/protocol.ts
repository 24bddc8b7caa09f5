/** Custom requests shared by the client and the server. */
import { RequestType } from 'vscode-languageserver-protocol';

export interface OutlineParams {
  readonly uri: string;
}

/** `report/outline`: the outline as the CLI prints it (for tests and tools). */
export const OutlineRequest = new RequestType<OutlineParams, unknown[], void>('report/outline');
