/** One part of a multipart/form-data body. */
export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** Extracts the boundary of a `multipart/form-data; boundary=…` content type. */
export function boundaryOf(contentType: string): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2])?.trim() : undefined;
}

function headerParam(header: string, key: string): string | undefined {
  const m = new RegExp(`${key}\\*?=(?:"([^"]*)"|([^;]*))`, 'i').exec(header);
  return m ? (m[1] ?? m[2] ?? '').trim() : undefined;
}

/**
 * Parses a multipart/form-data body (RFC 7578): enough for SDK uploads.
 * @param body - the raw request body
 * @param boundary - from the content type
 * @returns the parts in order
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    const start = pos + delimiter.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // closing "--"
    const headerStart = body[start] === 0x0d ? start + 2 : start + 1;
    const next = body.indexOf(delimiter, headerStart);
    if (next === -1) break;
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1 || headerEnd > next) break;
    const headers = body.subarray(headerStart, headerEnd).toString('utf8');
    let dataEnd = next;
    if (body[dataEnd - 2] === 0x0d && body[dataEnd - 1] === 0x0a) dataEnd -= 2;
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const type = /content-type:([^\r\n]*)/i.exec(headers)?.[1]?.trim();
    const filename = headerParam(disposition, 'filename');
    parts.push({
      name: headerParam(disposition, 'name') ?? '',
      ...(filename !== undefined ? { filename } : {}),
      ...(type ? { contentType: type } : {}),
      data: body.subarray(headerEnd + 4, dataEnd),
    });
    pos = next;
  }
  return parts;
}
