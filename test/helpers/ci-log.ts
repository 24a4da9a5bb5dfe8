/**
 * Output read as GitHub's runner reads a step's log: line by line, each line that (after leading
 * white space) starts with `::name …::` is a workflow command, and so is any line holding
 * `##[name]` (the older form, found anywhere in the line).
 */
import { expect } from 'vitest';

/** What .NET's String.TrimStart() removes: Char.IsWhiteSpace. */
const LEADING_SPACE = /^[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/u;

const unescape = (text: string, codes: Array<[string, string]>) => codes.reduce((t, [code, ch]) => t.replaceAll(code, ch), text);
const DATA: Array<[string, string]> = [['%0D', '\r'], ['%0A', '\n'], ['%25', '%']];
const PROPERTY: Array<[string, string]> = [['%0D', '\r'], ['%0A', '\n'], ['%3A', ':'], ['%2C', ','], ['%25', '%']];

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

/** The `::command key=value,…::data` a line is to the runner, or null (unescaped as the runner does, in its order). */
export function parseWorkflowCommand(line: string): WorkflowCommand | null {
  const message = line.replace(LEADING_SPACE, '');
  if (!message.startsWith('::')) return null;
  const end = message.indexOf('::', 2);
  if (end < 0) return null;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info.slice(space + 1).trim().split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length - 1) properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), PROPERTY);
    }
  }
  return { command, properties, data: unescape(message.slice(end + 2), DATA) };
}

const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/**
 * Fails unless `output` holds no raw control character (line ends aside) and no workflow command,
 * except, with `annotations`, lines that are whole annotations errcat wrote (::error, ::warning,
 * ::notice with a title), which must then hold no `##[` either.
 */
export function expectInertLog(output: string, annotations = false): void {
  const raw = RAW_CONTROL.exec(output);
  if (raw) expect.fail(`raw U+${raw[0].charCodeAt(0).toString(16).padStart(4, '0')} in ${JSON.stringify(output.slice(Math.max(0, raw.index - 30), raw.index + 30))}`);
  for (const line of output.split('\n')) {
    if (line.includes('##[')) expect.fail(`a line holding ##[ is a workflow command: ${JSON.stringify(line)}`);
    const command = parseWorkflowCommand(line);
    if (command === null) continue;
    const ours = annotations && ['error', 'warning', 'notice'].includes(command.command) && line.startsWith(`::${command.command} `) && command.properties.title?.startsWith('errcat ');
    if (!ours) expect.fail(`workflow command in ${JSON.stringify(line)}`);
  }
}
