/** GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`), escaped as GitHub specifies. */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function annotation(level: AnnotationLevel, where: { file?: string; line?: number; title: string }, message: string): string {
  const props = [
    ...(where.file !== undefined ? [`file=${escapeProperty(where.file)}`] : []),
    ...(where.line !== undefined ? [`line=${where.line}`] : []),
    `title=${escapeProperty(where.title)}`,
  ];
  return `::${level} ${props.join(',')}::${escapeData(message)}`;
}
