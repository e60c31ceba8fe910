// The kinds of file a case may hold, recognised by their first bytes (magic numbers), never by the name
// alone: a renamed executable or web page is refused however it is called. The allow-list follows what
// practitioners file (letters, reports, assessments, photographs): PDF, JPEG, PNG, Word (DOCX), OpenDocument
// text (ODT) and plain text. The name's extension must agree with what the bytes are, so the file a
// colleague downloads opens in the program its name promises.

export type FileKind = 'pdf' | 'jpeg' | 'png' | 'docx' | 'odt' | 'txt';

export interface FileKindInfo {
  label: string;
  contentType: string;
  extensions: readonly string[];
}

export const FILE_KINDS: Readonly<Record<FileKind, FileKindInfo>> = {
  pdf: { label: 'PDF', contentType: 'application/pdf', extensions: ['pdf'] },
  jpeg: { label: 'JPG', contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { label: 'PNG', contentType: 'image/png', extensions: ['png'] },
  docx: { label: 'DOCX', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  odt: { label: 'ODT', contentType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  txt: { label: 'TXT', contentType: 'text/plain; charset=utf-8', extensions: ['txt'] },
};

/** "PDF, JPG, PNG, DOCX, ODT or TXT" — the GOV.UK file upload pattern names the allowed types. */
export const ALLOWED_KINDS_WORDS = (() => {
  const labels = Object.values(FILE_KINDS).map((k) => k.label);
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
})();

/** The `accept` attribute a file input offers (a hint to the browser's picker; the server decides). */
export const ACCEPT_ATTRIBUTE = Object.values(FILE_KINDS).flatMap((k) => k.extensions.map((e) => `.${e}`)).join(',');

/** How many leading bytes sniffing wants to see (less only when the file is shorter). */
export const SNIFF_BYTES = 64 * 1024;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function latin1(b: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < Math.min(to, b.length); i++) out += String.fromCharCode(b[i]);
  return out;
}

/**
 * An OpenDocument file's first ZIP entry is an uncompressed "mimetype" naming its kind (ODF 1.2 part 3,
 * 3.3); text documents say exactly application/vnd.oasis.opendocument.text (templates add "-template").
 */
function isOdt(b: Uint8Array): boolean {
  const nameLength = b[26] | (b[27] << 8);
  const extraLength = b[28] | (b[29] << 8);
  if (latin1(b, 30, 30 + nameLength) !== 'mimetype') return false;
  const start = 30 + nameLength + extraLength;
  const size = b[18] | (b[19] << 8);
  return latin1(b, start, start + size) === 'application/vnd.oasis.opendocument.text';
}

/** A Word document is a ZIP (OOXML) whose parts include word/document.xml, named near its start. */
function isDocx(b: Uint8Array): boolean {
  const text = latin1(b, 0, b.length);
  return text.includes('word/document.xml') || text.includes('word/_rels/');
}

/** Plain text: UTF-8 (ASCII included) with no NUL or other binary control bytes in what was seen. */
function isText(b: Uint8Array, complete: boolean): boolean {
  for (const x of b) if (x === 0 || (x < 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0d && x !== 0x0c)) return false;
  try {
    // A multi-byte character cut at the end of the sniffed head is not an error unless the file ends there.
    new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** What the bytes are, or undefined when they are none of the allowed kinds. */
export function sniffFileKind(head: Uint8Array, complete: boolean): FileKind | undefined {
  if (startsWith(head, ascii('%PDF-'))) return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, ZIP)) return isOdt(head) ? 'odt' : isDocx(head) ? 'docx' : undefined;
  if (isText(head, complete)) return 'txt';
  return undefined;
}

/** The kind a file name's extension promises, if it is one of ours. */
export function kindOfName(name: string): FileKind | undefined {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  if (!ext) return undefined;
  return (Object.keys(FILE_KINDS) as FileKind[]).find((k) => FILE_KINDS[k].extensions.includes(ext));
}
