// The printable response: plain HTML with print CSS (A4 pages, numbered in the page margin, each case
// starting on a new page), every item under its label in words, withheld items listed with the reason.
import { NO_DATA_HELD, RESPONSE_NOTES } from '../../domain/sar/response-notes';
import type { PersonMatch } from './find-person';
import type { ReviewedItem } from './review-sar';
import { asText } from './sar-labels';
import type { SarRequest } from './sar-request';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `@page{size:A4;margin:20mm;@bottom-right{content:"Page " counter(page) " of " counter(pages)}}
body{font-family:Arial,sans-serif;font-size:11pt;line-height:1.4;color:#0b0c0c;max-width:48em;margin:auto}
h1{font-size:20pt}h2{font-size:15pt;break-before:page}h2.first{break-before:auto}h3{font-size:12pt;margin:1em 0 .2em}
.withheld{color:#505a5f;font-style:italic}dl{margin:0}dt{font-weight:bold}dd{margin:0 0 .3em 1em;white-space:pre-wrap}`;

function valueHtml(v: unknown): string {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    return `<dl>${Object.entries(v as Record<string, unknown>).map(([k, x]) => `<dt>${esc(k)}</dt><dd>${esc(asText(x))}</dd>`).join('')}</dl>`;
  }
  if (Array.isArray(v) && v.every((x) => x && typeof x === 'object')) return v.map(valueHtml).join('');
  return `<p>${esc(asText(v))}</p>`;
}

export async function* renderSarHtml(request: SarRequest, matches: readonly PersonMatch[], items: AsyncIterable<ReviewedItem>, generatedAt: string): AsyncGenerator<string> {
  const name = `${request.subject.givenName} ${request.subject.familyName}`;
  yield `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Subject access response: ${esc(name)}</title><style>${STYLE}</style></head><body>`;
  yield `<h1>Subject access response for ${esc(name)}</h1><p>Reference ${esc(request.key)}. Request received on ${esc(request.receivedOn)} from ${esc(request.requesterName)}. Prepared on ${esc(generatedAt.slice(0, 10))}.</p>`;
  if (!matches.length) yield `<h2 class="first">No data held</h2><p>${esc(NO_DATA_HELD)}</p>`;
  for (const n of RESPONSE_NOTES) yield `<h3>${esc(n.heading)}</h3><p>${esc(n.text)}</p>`;
  let caseId: string | undefined;
  for await (const item of items) {
    if (item.caseId !== caseId) {
      caseId = item.caseId;
      yield `<h2>Record ${esc(caseId)}</h2>`;
    }
    yield `<h3>${esc(item.label)}</h3>`;
    yield item.decision === 'disclose' ? valueHtml(item.value) : `<p class="withheld">Withheld: ${esc(item.reason)}</p>`;
  }
  yield '</body></html>\n';
}
