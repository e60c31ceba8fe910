// form-js templating (feelers, as form-js 1.23 uses it): labels, descriptions, text, html content and image
// sources may hold `{{ expression }}` inserts, `{{#if …}}…{{/if}}` and `{{#loop …}}…{{/loop}}`, or be one FEEL
// expression (`=…`). One implementation for the browser's renderer and the server's messages, so a label
// reads the same in the error summary and in a 422 body.
import { evaluate as evaluateTemplate } from 'feelers';
import { feelSyntaxError } from './form-conditions';
import { withCamundaFunctions } from './feel-functions';
import type { FeelScope } from './form-conditions';

/** As form-js's FeelersTemplating.isTemplate: a leading `=`, or at least one `{{ … }}`. */
export function isTemplate(value: unknown): value is string {
  return typeof value === 'string' && (value.startsWith('=') || /\{\{.*?\}\}/s.test(value));
}

export interface TemplateOptions {
  /** Applied to each inserted value (the html component escapes them, as form-js does). */
  sanitizer?: (value: unknown) => string;
  /** Labels and alt texts keep the first line only, as form-js's single-line templates do. */
  singleLine?: boolean;
}

/**
 * The text with its templates filled from the scope (answers and process variables). A broken insert reads
 * as nothing rather than failing the page: the definition checker refuses broken syntax at deploy.
 */
export function renderTemplate(value: string | undefined, scope: FeelScope, options: TemplateOptions = {}): string {
  if (typeof value !== 'string') return '';
  let out = value;
  if (isTemplate(value)) {
    try {
      out = evaluateTemplate(value, withCamundaFunctions(scope), { debug: true, buildDebugString: () => '', sanitizer: options.sanitizer });
    } catch {
      out = '';
    }
  }
  out = out ?? '';
  return options.singleLine ? out.split('\n')[0] : out;
}

/** What is wrong with a template's syntax (an unknown function, a broken expression), or undefined. */
export function templateSyntaxError(value: string): string | undefined {
  if (value.startsWith('=')) return feelSyntaxError(value);
  for (const [, inner] of value.matchAll(/\{\{(.*?)\}\}/gs)) {
    const body = inner.trim().replace(/^#(if|loop)\s+/, '');
    if (!body || /^\/(if|loop)$/.test(body)) continue;
    const problem = feelSyntaxError(body);
    if (problem) return `{{${inner}}} ${problem}`;
  }
  return undefined;
}

/** HTML-escapes an inserted value (form-js's escapeHTML), so answers cannot add markup to an html component. */
export function escapeHtml(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}
