import { decodeBody } from "./intake/charset";
import { encodingName } from "./csv";

/**
 * The text of an uploaded CSV file and the encoding it was read in: UTF-8 with or without a BOM,
 * UTF-16 with a BOM, else detected — CP949/EUC-KR (Korean Excel's default), GB18030, Big5.
 */
export function decodeCsvFile(bytes: Uint8Array): { text: string; encoding: string } {
  const { text, charset } = decodeBody(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), null);
  return { text, encoding: encodingName(charset) };
}
