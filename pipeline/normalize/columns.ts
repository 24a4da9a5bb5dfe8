/**
 * Which header cell means which catalog field. Real pages vary the wording, mix languages (zh pages
 * with English header cells) and order columns freely; these are the variants seen in the corpus.
 */
export type Field = 'errorCode' | 'httpStatus' | 'module' | 'message' | 'description' | 'measure';
export type ColumnMapping = Field | 'ignore';

export const FIELDS: readonly Field[] = ['errorCode', 'httpStatus', 'module', 'message', 'description', 'measure'];

const HEADERS: Record<Field, string[]> = {
  httpStatus: ['状态码', 'HTTP状态码', '响应状态码', 'HTTP返回码', 'HTTP响应码', 'Status Code', 'Status Codes', 'HTTP Status Code', 'HTTP Status', 'HTTP Code', 'Response Code', 'Status'],
  errorCode: ['错误码', '错误代码', '错误编码', '返回错误码', '返回值', 'Error Code', 'Error Codes', 'Returned Value', 'Code'],
  message: ['错误信息', '错误提示', '错误消息', '报错信息', '提示信息', 'Error Message', 'Error Messages', 'Message', 'Error Information', 'Error Info', 'Error Msg', 'error_msg'],
  description: [
    '描述', '说明', '描述信息', '错误说明', '错误描述', '错误码说明', '错误码描述', '含义', '错误含义', '中文错误信息', '中文说明', '语义',
    'Description', 'Error Description', 'Meaning', 'Explanation',
  ],
  measure: [
    '处理措施', '解决方案', '解决方法', '解决办法', '处理方法', '处理建议', '建议解决方法', '建议', '操作建议', '描述（处理措施）', '具体描述与解决办法',
    'Measure', 'Measures', 'Solution', 'Solutions', 'Handling Measure', 'Handling Measures', 'Handling Method', 'Troubleshooting', 'Suggestion', 'Suggestions', 'Resolution',
  ],
  module: ['模块', '模块名称', '分类', '类别', 'Module', 'Category'],
};

/** Case, spaces and full-width forms do not change what a header means. */
export function headerKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

const BUILT_IN = new Map<string, Field>();
for (const field of FIELDS) for (const header of HEADERS[field]) BUILT_IN.set(headerKey(header), field);

/**
 * The catalog's "columns" setting by {@link headerKey}, made once per catalog: each header cell is
 * then one lookup, not a pass over every entry (200k entries took 96 s), and a header such as
 * `constructor` or `__proto__` is data, never an inherited property. Of two entries with the same
 * key the first counts, as it did.
 */
export type ColumnSettings = ReadonlyMap<string, ColumnMapping>;

export function columnSettings(columns: Readonly<Record<string, ColumnMapping | undefined>> = {}): ColumnSettings {
  const settings = new Map<string, ColumnMapping>();
  for (const [header, mapping] of Object.entries(columns)) {
    const key = headerKey(header);
    if (mapping !== undefined && !settings.has(key)) settings.set(key, mapping);
  }
  return settings;
}

const NO_SETTINGS: ColumnSettings = new Map();

export function mapHeader(text: string, settings: ColumnSettings = NO_SETTINGS): ColumnMapping | null {
  const key = headerKey(text);
  return settings.get(key) ?? BUILT_IN.get(key) ?? null;
}
