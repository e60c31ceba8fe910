// Opens a PDF with MuPDF (WASM; an ES module with top-level await, so it runs here in its own Node process
// rather than inside Jest): prints the page count, the first, last and every page's text, and renders the first to PNG.
// Usage: node open-pdf.mjs <in.pdf> <out.png>
import { readFileSync, writeFileSync } from 'node:fs';
import * as mupdf from 'mupdf';

const [input, png] = process.argv.slice(2);
const doc = mupdf.Document.openDocument(readFileSync(input), 'application/pdf');
const page = doc.loadPage(0);
const pixmap = page.toPixmap(mupdf.Matrix.scale(1, 1), mupdf.ColorSpace.DeviceRGB, false);
writeFileSync(png, pixmap.asPNG());
const textOf = (i) => doc.loadPage(i).toStructuredText('preserve-whitespace').asText();
const allText = Array.from({ length: doc.countPages() }, (_, i) => textOf(i)).join('\n');
process.stdout.write(JSON.stringify({ pages: doc.countPages(), firstText: textOf(0), lastText: textOf(doc.countPages() - 1), allText, width: pixmap.getWidth(), height: pixmap.getHeight() }));
