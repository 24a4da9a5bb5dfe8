/**
 * duplicate-code's warning that rows contradict each other: one cause (module, status and
 * description) given different messages. Small pages written here; every expectation worked out by
 * hand from their rows (body rows start at line 5).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../pipeline/compile';
import { explicitCatalog } from '../../pipeline/sources';

const work = mkdtempSync(join(tmpdir(), 'errcat-dup-'));
const ZH_HEADER = '# 错误码\n\n|模块|状态码|错误码|错误信息|描述|处理措施|\n|--|--|--|--|--|--|\n';
const EN_HEADER = '# Error Codes\n\n|Module|Status Code|Error Code|Error Message|Description|Solution|\n|--|--|--|--|--|--|\n';

function findings(zhRows: string, enRows?: string) {
  const zh = join(work, `zh-${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(zh, ZH_HEADER + zhRows);
  const pages = [`zh=${zh}`];
  if (enRows !== undefined) {
    const en = join(work, `en-${Math.random().toString(36).slice(2)}.md`);
    writeFileSync(en, EN_HEADER + enRows);
    pages.push(`en=${en}`);
  }
  const compiled = compileCatalog(explicitCatalog(pages, 'dup'));
  return compiled.report.divergences
    .filter((d) => d.rule === 'duplicate-code' || d.rule === 'variant-group')
    .map((d) => [d.rule, d.severity, d.locations.map((l) => `${l.lang}:${l.line}`).join(' ')]);
}

describe('duplicate-code: contradicting rows', () => {
  it('warns on one description given two messages, typography aside', () => {
    // Lines 5 and 6: the same cause ("令牌无效" with and without its full stop), two messages.
    expect(findings('|认证|401|A.0001|Token invalid.|令牌无效。|重新获取|\n|认证|401|A.0001|Invalid token.|令牌无效|重新获取|\n')).toEqual([
      ['duplicate-code', 'warning', 'zh:5 zh:6'],
    ]);
  });

  it('does not compare rows whose description says there is none', () => {
    expect(findings('|名称|400|B.0001|Invalid name.|无|检查|\n|名称|400|B.0001|Invalid size.|无|检查|\n')).toEqual([]);
    expect(findings('|名称|400|B.0002|Invalid name.|N/A|检查|\n|名称|400|B.0002|Invalid size.|-|检查|\n|名称|400|B.0002|Invalid type.|-|检查|\n')).toEqual([]);
  });

  it('does not warn on rows one row of the other language stands for: that language confirms them as causes', () => {
    // Three zh rows share a general description; the en row lists all three causes.
    const zh =
      '|告警|400|G.0301|Invalid namespace.|参数不合法|检查参数|\n' +
      '|告警|400|G.0301|Projectid is left blank.|参数不合法|检查参数|\n' +
      '|告警|400|G.0301|Invalid alarm name.|参数不合法|检查参数|\n';
    const en = '|Alarms|400|G.0301|The namespace or alarm name is invalid, or the project ID is left blank.|Invalid parameters.|Check the parameters.|\n';
    // The zh page alone: one cause, three messages.
    expect(findings(zh)).toEqual([['duplicate-code', 'warning', 'zh:5 zh:6 zh:7']]);
    // With the en page: a variant group (info), no warning.
    expect(findings(zh, en)).toEqual([['variant-group', 'info', 'en:5 zh:5 zh:6 zh:7']]);
  });
});
