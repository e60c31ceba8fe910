// Deploy checks of what form-js components show or compute rather than ask: templates in labels and text,
// html, image, table, button and expression. Each message names what to change.
import { feelSyntaxError } from './form-conditions';
import { COMPUTE_ON } from './form-expressions';
import { templateSyntaxError } from './form-templates';
import { isPlainObject } from './form-tree';
import type { FormComponent } from './form.types';

type Add = (message: string) => void;

/**
 * Image sources shown as given: pictures inside the form (data:image/…) or on this site (/…). Not `//host`
 * nor `/\host`, which browsers read as another site.
 */
export const STATIC_IMAGE_SOURCE = /^(data:image\/[a-z0-9.+-]+[;,]|\/(?![/\\]))/i;

/**
 * Sources refused at deploy: another scheme than a web address or a data:image (`javascript:`, `data:text/html`),
 * and `//host` or `/\host`, which browsers read as another site. Anything else that is not shown as given — a
 * picture on another site, a relative name (`logo`), an empty `https://` — deploys, as form-js shows it, but is not
 * loaded (the site's security policy keeps case workers' browsers from contacting other sites): the renderer
 * shows the alt text in its place.
 */
const REFUSED_IMAGE_SOURCE = /^(?!https?:|data:image\/)[a-z][a-z0-9+.-]*:|^[/\\][/\\]/i;

const TEMPLATED = ['label', 'description', 'dateLabel', 'timeLabel', 'text', 'content', 'alt', 'title'] as const;

export function checkDisplay(c: FormComponent, inList: boolean, add: Add): void {
  for (const prop of TEMPLATED) {
    const value = c[prop];
    if (value === undefined) continue;
    if (typeof value !== 'string') add(`${prop} must be text`);
    else {
      const problem = templateSyntaxError(value);
      if (problem) add(`${prop} is not a valid template (${problem})`);
    }
  }
  if (c.type === 'image') checkImage(c, add);
  if (c.type === 'iframe') checkIframe(c, add);
  if (c.type === 'expression') checkExpression(c, inList, add);
  if (c.type === 'button' && c.action !== undefined && c.action !== 'submit' && c.action !== 'reset') add(`action must be "submit" or "reset", not "${String(c.action)}"`);
  if (c.type === 'table') checkTable(c, add);
  if (c.type === 'filepicker') checkFilepicker(c, add);
  if (c.type === 'documentPreview') checkFeelProperty(c, 'dataSource', add, 'needs a dataSource: a FEEL expression naming the documents, such as "=evidence" (a filepicker\'s key)');
  if (c.type === 'html' && typeof c.content === 'string' && /<img\b(?![^>]*\balt\s*=)[^>]*>/i.test(c.content)) {
    add('every <img> in content needs an alt attribute describing it (alt="" only for a decorative image)');
  }
}

function checkImage(c: FormComponent, add: Add): void {
  // GOV.UK and WCAG 1.1.1: an image needs a text alternative, or a screen-reader user misses what it says.
  if (typeof c.alt !== 'string' || !c.alt.trim()) add('needs alternative text (alt) describing the image for people who cannot see it');
  const source = c.source;
  // No source: form-js shows an empty placeholder; here the alt text shows, as for a source not loaded.
  if (source === undefined || source === '') return;
  if (typeof source !== 'string') return add('source must be text: a data:image URI, a path on this site (/…), a web address or a FEEL expression');
  if (source.startsWith('=') || /\{\{/.test(source)) {
    const problem = templateSyntaxError(source);
    if (problem) add(`source is not a valid template (${problem})`);
  } else if (REFUSED_IMAGE_SOURCE.test(source.trim())) {
    add('source must be a data:image URI, a path on this site (/…) or a web address (https://…)');
  }
}

/**
 * An iframe is shown as a link that opens its page in a new tab, never embedded: the site's security policy lets
 * no other site into a case worker's page (framed pages could pose as the service's own questions). Only https.
 */
export const IFRAME_URL = /^https:\/\/[^\s/?#]+/i;

function checkIframe(c: FormComponent, add: Add): void {
  const url = c.url;
  if (url === undefined || url === '') return; // form-js shows an empty frame; here "Page not available"
  if (typeof url !== 'string') return add('url must be text: a web address (https://…) or a FEEL expression');
  if (url.startsWith('=') || /\{\{/.test(url)) {
    const problem = templateSyntaxError(url);
    if (problem) add(`url is not a valid template (${problem})`);
  } else if (!IFRAME_URL.test(url.trim())) add('url must be a web address starting https://');
}

function checkExpression(c: FormComponent, inList: boolean, add: Add): void {
  if (typeof c.expression !== 'string' || !c.expression.trim().startsWith('=')) return add('expression must be a FEEL expression starting with "="');
  const problem = feelSyntaxError(c.expression);
  if (problem) add(`expression is not valid FEEL (${problem})`);
  if (c.computeOn !== undefined && !(COMPUTE_ON as readonly string[]).includes(String(c.computeOn))) add(`computeOn must be "change" or "presubmit", not "${String(c.computeOn)}"`);
  if (inList) add('an expression inside a dynamic list is not supported: compute it outside the list (for example over the whole list)');
}

/** A property that may only be FEEL (`=…`); `missing` is said when it is absent and required. */
function checkFeelProperty(c: FormComponent, prop: 'dataSource' | 'columnsExpression' | 'multiple' | 'accept', add: Add, missing?: string): void {
  const value = c[prop];
  if (value === undefined) {
    if (missing) add(missing);
    return;
  }
  if (typeof value !== 'string' || !value.trim().startsWith('=')) add(`${prop} must be a FEEL expression starting with "="`);
  else if (feelSyntaxError(value)) add(`${prop} is not valid FEEL (${feelSyntaxError(value)})`);
}

/** form-js writes `multiple` as a boolean and `accept` as the file input's list, either as FEEL too. */
function checkFilepicker(c: FormComponent, add: Add): void {
  if (typeof c.multiple === 'string') checkFeelProperty(c, 'multiple', add);
  else if (c.multiple !== undefined && typeof c.multiple !== 'boolean') add('multiple must be true, false or a FEEL expression');
  if (typeof c.accept === 'string' && c.accept.trim().startsWith('=')) checkFeelProperty(c, 'accept', add);
  else if (c.accept !== undefined && typeof c.accept !== 'string') add('accept must be a list of file types such as ".pdf,.docx,image/*", or a FEEL expression');
}

function checkTable(c: FormComponent, add: Add): void {
  for (const prop of ['dataSource', 'columnsExpression'] as const) checkFeelProperty(c, prop, add);
  if (c.columnsExpression === undefined) {
    const ok = Array.isArray(c.columns) && c.columns.length > 0 && c.columns.every((col) => isPlainObject(col) && typeof col.key === 'string' && col.key && typeof col.label === 'string');
    if (!ok) add('needs columns (each with a label and a key) or a columnsExpression');
  }
  if (c.dataSource === undefined) add('needs a dataSource: a FEEL expression giving the rows, such as "=contacts"');
  if (c.rowCount !== undefined && !(Number.isInteger(c.rowCount) && c.rowCount > 0)) add('rowCount must be a whole number above 0');
}
