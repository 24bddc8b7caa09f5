/**
 * The parameters of the custom requests (common/protocol.ts), checked before any handler runs: a
 * client that sends `format: "exe"` or a number for `uri` gets an InvalidParams error naming the
 * field, never an answer built from a default.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { RENDER_VIEWS, type ExportParams, type OutlineParams, type RenderParams, type StatisticsParams } from '../../common/protocol';
import { EXPORT_FORMATS, isExportFormat } from './engine';

type Fields = Record<string, unknown>;

function object(params: unknown, method: string): Fields {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) throw invalid(method, 'the parameters must be an object');
  return params as Fields;
}

function invalid(method: string, what: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${what}`);
}

function uriOf(p: Fields, method: string): string {
  const uri = p['uri'];
  if (typeof uri !== 'string' || uri === '') throw invalid(method, '"uri" must be a non-empty string');
  return uri;
}

export function outlineParams(params: unknown): OutlineParams {
  return { uri: uriOf(object(params, 'report/outline'), 'report/outline') };
}

export function statisticsParams(params: unknown): StatisticsParams {
  return { uri: uriOf(object(params, 'report/statistics'), 'report/statistics') };
}

export function renderParams(params: unknown): RenderParams {
  const method = 'report/render';
  const p = object(params, method);
  const view = p['view'];
  if (typeof view !== 'string' || !(RENDER_VIEWS as readonly string[]).includes(view)) throw invalid(method, `"view" must be ${RENDER_VIEWS.join(' or ')}`);
  const diagnostics = p['diagnostics'];
  if (typeof diagnostics !== 'boolean') throw invalid(method, '"diagnostics" must be true or false');
  return { uri: uriOf(p, method), view: view as RenderParams['view'], diagnostics };
}

export function exportParams(params: unknown): ExportParams {
  const method = 'report/export';
  const p = object(params, method);
  const format = p['format'];
  if (!isExportFormat(format)) throw invalid(method, `"format" must be ${EXPORT_FORMATS.join(' or ')}`);
  const text = p['text'];
  if (text !== undefined && typeof text !== 'string') throw invalid(method, '"text" must be a string when given');
  return { uri: uriOf(p, method), format, ...(text !== undefined ? { text } : {}) };
}
