// The allow-list by first bytes: each kind recognised from real containers (ZIPs built here as Word and
// LibreOffice write them), and what merely wears an allowed name refused.
import { ZipFile } from 'yazl';
import { fileNameProblem, sizeInWords } from '../../../server/src/domain/documents/case-document';
import { ALLOWED_KINDS_WORDS, kindOfName, sniffFileKind } from '../../../server/src/domain/documents/document-types';

async function zip(entries: [string, string, boolean?][]): Promise<Buffer> {
  const z = new ZipFile();
  for (const [name, text, compress] of entries) z.addBuffer(Buffer.from(text), name, { compress: compress ?? true });
  z.end();
  const parts: Buffer[] = [];
  for await (const p of z.outputStream) parts.push(p as Buffer);
  return Buffer.concat(parts);
}

describe('file kinds by first bytes', () => {
  it('recognises PDF, PNG, JPEG and plain UTF-8 text', () => {
    expect(sniffFileKind(Buffer.from('%PDF-1.4\n%âãÏÓ'), true)).toBe('pdf');
    expect(sniffFileKind(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), true)).toBe('png');
    expect(sniffFileKind(Buffer.from('ffd8ffe000104a464946', 'hex'), true)).toBe('jpeg');
    expect(sniffFileKind(Buffer.from('Meeting notes — Łukasz attended.\r\n\tNext: 14 March'), true)).toBe('txt');
  });

  it('tells a Word document and an OpenDocument text from other ZIPs', async () => {
    const docx = await zip([['[Content_Types].xml', '<Types/>'], ['_rels/.rels', '<Relationships/>'], ['word/document.xml', '<w:document/>']]);
    const odt = await zip([['mimetype', 'application/vnd.oasis.opendocument.text', false], ['content.xml', '<office:document-content/>']]);
    const ods = await zip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet', false], ['content.xml', '<x/>']]);
    const ott = await zip([['mimetype', 'application/vnd.oasis.opendocument.text-template', false]]);
    const plain = await zip([['payload.exe', 'MZ...']]);
    expect([docx, odt, ods, ott, plain].map((b) => sniffFileKind(b, true))).toEqual(['docx', 'odt', undefined, undefined, undefined]);
  });

  it('refuses binaries and text with control bytes; a character cut at the end of the head is not an error', () => {
    expect(sniffFileKind(Buffer.from('MZ\x90\x00\x03'), true)).toBeUndefined();
    expect(sniffFileKind(Buffer.from('GIF89a'), true)).toBe('txt'); // text, but its name must say .txt too (below)
    expect(sniffFileKind(Buffer.from('abc\x00def'), true)).toBeUndefined();
    expect(sniffFileKind(Buffer.from([0x61, 0xff, 0x62]), true)).toBeUndefined();
    const cut = Buffer.from('café').subarray(0, 4); // "caf" and the first byte of é
    expect([sniffFileKind(cut, false), sniffFileKind(cut, true)]).toEqual(['txt', undefined]);
  });

  it('reads the kind a name promises from its extension, case-insensitively', () => {
    expect(['a.PDF', 'b.jpeg', 'c.JPG', 'd.docx', 'e.odt', 'f.txt', 'g.gif', 'h', 'i.pdf.exe'].map(kindOfName))
      .toEqual(['pdf', 'jpeg', 'jpeg', 'docx', 'odt', 'txt', undefined, undefined, undefined]);
    expect(ALLOWED_KINDS_WORDS).toBe('PDF, JPG, PNG, DOCX, ODT or TXT');
  });
});

describe('file names and sizes in words', () => {
  it('refuses paths, control and bidi characters, empty and overlong names', () => {
    expect(fileNameProblem('Report (final) – Łukasz.pdf')).toBeUndefined();
    expect(fileNameProblem('../x.pdf')).toMatch(/must not contain/);
    expect(fileNameProblem('C:\\x.pdf')).toMatch(/must not contain/);
    expect(fileNameProblem('a\nb.pdf')).toMatch(/control characters/);
    expect(fileNameProblem('invoice\u202Efdp.exe')).toMatch(/control characters/);
    expect(fileNameProblem('  ')).toMatch(/must have a name/);
    expect(fileNameProblem('..')).toMatch(/must have a name/);
    expect(fileNameProblem(`${'a'.repeat(200)}.pdf`)).toMatch(/200 characters or fewer/);
  });

  it('says sizes as people read them', () => {
    expect([sizeInWords(1), sizeInWords(18), sizeInWords(312 * 1024), sizeInWords(3 * 1024 * 1024), sizeInWords(2.45 * 1024 * 1024)]).toEqual(['1 byte', '18 bytes', '312 KB', '3 MB', '2.5 MB']);
  });
});
