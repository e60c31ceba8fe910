// On the DPO's redaction review: a gathered document's file, opened to decide whether it may be disclosed
// (GET /api/sar/:key/documents/:caseId/:documentId, audited on the case as a consultation for the request).
const ITEM = /^(.+)\/document\/([^/]+)$/;

export function SarDocumentLink({ sarKey, itemId, name }: { sarKey: string; itemId: string; name?: unknown }) {
  const m = ITEM.exec(itemId);
  if (!m) return null;
  const enc = encodeURIComponent;
  return (
    <p>
      <a href={`/api/sar/${enc(sarKey)}/documents/${enc(m[1])}/${enc(m[2])}`} download>
        Open the document{typeof name === 'string' ? ` “${name}”` : ''} to decide
      </a>
    </p>
  );
}
