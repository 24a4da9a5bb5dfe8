/** GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`), escaped as GitHub's runner unescapes them. */
import { workflowData, workflowProperty } from '../escape';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export function annotation(level: AnnotationLevel, where: { file?: string; line?: number; title: string }, message: string): string {
  const props = [
    ...(where.file !== undefined ? [`file=${workflowProperty(where.file)}`] : []),
    ...(where.line !== undefined ? [`line=${where.line}`] : []),
    `title=${workflowProperty(where.title)}`,
  ];
  return `::${level} ${props.join(',')}::${workflowData(message)}`;
}
