/**
 * Which header cell means which catalog field. Real pages vary the wording, mix languages (zh pages
 * with English header cells) and order columns freely; these are the variants seen in the corpus.
 */
export type Field = 'errorCode' | 'httpStatus' | 'module' | 'message' | 'description' | 'measure';
export type ColumnMapping = Field | 'ignore';

export const FIELDS: readonly Field[] = ['errorCode', 'httpStatus', 'module', 'message', 'description', 'measure'];

const HEADERS: Record<Field, string[]> = {
  httpStatus: ['状态码', 'HTTP状态码', 'http状态码', '响应状态码', 'Status Code', 'HTTP Status Code', 'Response Code'],
  errorCode: ['错误码', '返回错误码', '返回值', 'Error Code', 'Error Codes', 'Returned Value'],
  message: ['错误信息', '错误提示', 'Error Message', 'Message'],
  description: ['描述', '说明', '错误说明', '错误描述', '错误码说明', '中文错误信息', '中文说明', '语义', 'Description', 'Error Description'],
  measure: ['处理措施', '解决方案', '处理建议', '建议解决方法', '描述（处理措施）', '具体描述与解决办法', 'Measure', 'Solution', 'Handling Measure'],
  module: ['模块', 'Module', 'Category'],
};

/** Case, spaces and full-width forms do not change what a header means. */
export function headerKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

const BUILT_IN = new Map<string, Field>();
for (const field of FIELDS) for (const header of HEADERS[field]) BUILT_IN.set(headerKey(header), field);

export function mapHeader(text: string, extra: Readonly<Record<string, ColumnMapping | undefined>> = {}): ColumnMapping | null {
  const key = headerKey(text);
  for (const [header, mapping] of Object.entries(extra)) if (mapping !== undefined && headerKey(header) === key) return mapping;
  return BUILT_IN.get(key) ?? null;
}
