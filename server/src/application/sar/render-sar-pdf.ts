// The response as a PDF with pdfkit (pure JavaScript: the running product needs no browser). The document
// is itself a stream: items are written as they arrive and pdfkit flushes each finished page, so a large
// response is never held whole. Pages are numbered as they are added ("Page n"; the total is not known
// until the end, and knowing it would mean holding every page).
import PDFDocument from 'pdfkit';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { NO_DATA_HELD, RESPONSE_NOTES } from '../../domain/sar/response-notes';
import type { PersonMatch } from './find-person';
import type { ReviewedItem } from './review-sar';
import { asText } from './sar-labels';
import type { SarRequest } from './sar-request';

// pdfkit's built-in fonts (Helvetica) cover Latin-1 only, so a child or parent named Łukasz, Şükrü or Nguyễn,
// or written in Cyrillic or Greek, would be misspelt in their own response. DejaVu Sans (the npm package
// dejavu-fonts-ttf, pinned; Bitstream Vera licence, free to embed) covers Latin, Greek, Cyrillic and more;
// pdfkit embeds only the glyphs used. Read once from the package, never from the host's fonts.
const ttf = (file: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
let faces: Record<'Regular' | 'Bold' | 'Oblique', Buffer> | undefined;
const fonts = () => (faces ??= { Regular: ttf('DejaVuSans.ttf'), Bold: ttf('DejaVuSans-Bold.ttf'), Oblique: ttf('DejaVuSans-Oblique.ttf') });

/** Composed form (one glyph for "ễ"); control characters and broken surrogates would print as nonsense. */
// eslint-disable-next-line no-control-regex
const printable = (s: string) => s.normalize('NFC').replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]|\p{Cs}/gu, '?');

export function renderSarPdf(request: SarRequest, matches: readonly PersonMatch[], items: AsyncIterable<ReviewedItem>, generatedAt: string): Readable {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: 'Subject access response', Author: 'Youth justice service' } });
  for (const [name, data] of Object.entries(fonts())) doc.registerFont(name, data);
  let page = 0;
  const number = () => {
    page += 1;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not itself start a new page
    doc.font('Regular').fontSize(9).fillColor('#505a5f').text(`Page ${page}`, 56, doc.page.height - 36, { width: doc.page.width - 112, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
    doc.x = doc.page.margins.left;
    doc.y = doc.page.margins.top;
    doc.fillColor('#0b0c0c');
  };
  doc.on('pageAdded', number);
  number();
  const heading = (t: string, size: number) => doc.font('Bold').fontSize(size).text(printable(t)).moveDown(0.3);
  const body = (t: string) => doc.font('Regular').fontSize(10).text(printable(t)).moveDown(0.3);

  // Written only when the stream is first read (a ZIP takes its entries in turn), and paused while the
  // reader is behind, so the PDF is never held whole.
  const behind = () => doc.readableLength > 512 * 1024;
  const write = async () => {
    const name = `${request.subject.givenName} ${request.subject.familyName}`;
    heading(`Subject access response for ${name}`, 18);
    body(`Reference ${request.key}. Request received on ${request.receivedOn} from ${request.requesterName}. Prepared on ${generatedAt.slice(0, 10)}.`);
    if (!matches.length) { heading('No data held', 14); body(NO_DATA_HELD); }
    for (const n of RESPONSE_NOTES) { heading(n.heading, 11); body(n.text); }
    let caseId: string | undefined;
    for await (const item of items) {
      if (item.caseId !== caseId) { caseId = item.caseId; doc.addPage(); heading(`Record ${caseId}`, 14); }
      if (behind()) await once(doc, 'data');
      heading(item.label, 10);
      if (item.decision !== 'disclose') { doc.font('Oblique').fontSize(10).text(printable(`Withheld: ${item.reason}`)).moveDown(0.3); continue; }
      const v = item.value;
      const rows = Array.isArray(v) && v.every((x) => x && typeof x === 'object') ? v : [v];
      for (const row of rows) {
        if (row && typeof row === 'object' && !Array.isArray(row)) for (const [k, x] of Object.entries(row)) body(`${k}: ${asText(x)}`);
        else body(asText(row));
      }
    }
    doc.end();
  };
  doc.once('resume', () => void write().catch((err: Error) => doc.destroy(err)));
  return doc as unknown as Readable;
}
