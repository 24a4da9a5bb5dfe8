import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSafeSegment, MAX_PAGE_BYTES, MAX_SETTINGS_BYTES, readOwnFile, readRegularFile, readRegularFileIfPresent, unsafeSegmentReason, writeFileNoFollow } from '../../pipeline/files';
import { readSource } from '../../pipeline/read/source';

const dir = mkdtempSync(join(tmpdir(), 'errcat-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const page = { limit: MAX_PAGE_BYTES, what: 'a page' };
const unix = process.platform !== 'win32';

/** The ErrcatError message `run` throws, as the CLI prints it (file: message). */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as { format?: () => string }).format?.() ?? `not an ErrcatError: ${String(error)}`;
  }
  return 'no error';
}

describe('readRegularFile: regular files only, within a size limit', () => {
  it('reads a regular file, and one through a link', () => {
    writeFileSync(join(dir, 'plain.md'), '# page\n');
    symlinkSync('plain.md', join(dir, 'linked.md'));
    expect(readRegularFile(join(dir, 'plain.md'), page).toString()).toBe('# page\n');
    expect(readRegularFile(join(dir, 'linked.md'), page).toString()).toBe('# page\n');
    writeFileSync(join(dir, 'empty.md'), '');
    expect(readRegularFile(join(dir, 'empty.md'), page).length).toBe(0);
  });

  it.runIf(unix && existsSync('/dev/zero'))('refuses a link to /dev/zero, naming the link and the device, without reading it', () => {
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    const file = join(dir, 'zero.md');
    expect(refusal(() => readRegularFile(file, page))).toBe(`${file}: is a character device (through a symbolic link to "/dev/zero"), expected a page`);
    expect(refusal(() => readSource(file))).toBe(`${file}: is a character device (through a symbolic link to "/dev/zero"), expected a page`);
  });

  it.runIf(unix)('refuses a FIFO without waiting for a writer', () => {
    const fifo = join(dir, 'fifo.md');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo here
    expect(refusal(() => readRegularFile(fifo, page))).toBe(`${fifo}: is a FIFO (named pipe), expected a page`);
  });

  it.runIf(unix)('refuses a socket', async () => {
    const socket = join(dir, 'sock.md');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      expect(refusal(() => readRegularFile(socket, page))).toBe(`${socket}: is a socket, expected a page`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses a directory and a link to one; names a missing file and a link to nothing', () => {
    mkdirSync(join(dir, 'folder.md'));
    symlinkSync('folder.md', join(dir, 'folder-link.md'));
    symlinkSync('nowhere.md', join(dir, 'dangling.md'));
    expect(refusal(() => readRegularFile(join(dir, 'folder.md'), page))).toBe(`${join(dir, 'folder.md')}: is a directory, expected a page`);
    expect(refusal(() => readRegularFile(join(dir, 'folder-link.md'), page))).toBe(`${join(dir, 'folder-link.md')}: is a directory (through a symbolic link to "folder.md"), expected a page`);
    expect(refusal(() => readRegularFile(join(dir, 'missing.md'), page))).toBe(`${join(dir, 'missing.md')}: no such file`);
    expect(readRegularFileIfPresent(join(dir, 'missing.md'), page)).toBeNull();
    // A link to nothing is not "no file": something put it there.
    expect(refusal(() => readRegularFileIfPresent(join(dir, 'dangling.md'), page))).toBe(`${join(dir, 'dangling.md')}: is a symbolic link to "nowhere.md", which does not exist; expected a page`);
  });

  it('refuses a file over the limit; a file of exactly the limit is read', () => {
    writeFileSync(join(dir, 'ten.json'), '0123456789');
    expect(readRegularFile(join(dir, 'ten.json'), { limit: 10, what: 'a baseline' }).toString()).toBe('0123456789');
    expect(refusal(() => readRegularFile(join(dir, 'ten.json'), { limit: 9, what: 'a baseline' }))).toBe(`${join(dir, 'ten.json')}: is 10 bytes; a baseline may be at most 9 bytes`);
    expect(MAX_PAGE_BYTES).toBe(64 * 1024 * 1024);
    expect(MAX_SETTINGS_BYTES).toBe(1024 * 1024);
  });

  it('refuses a page over 64 MiB by its size, before reading it', () => {
    const big = join(dir, 'big.md');
    writeFileSync(big, '');
    // A sparse file: the size is what counts, and the disk is spared.
    spawnSync('truncate', ['-s', String(MAX_PAGE_BYTES + 1), big]);
    if (statSync(big).size !== MAX_PAGE_BYTES + 1) return; // no truncate here
    expect(refusal(() => readSource(big))).toBe(`${big}: is 67108865 bytes; a page may be at most 64 MiB (67108864 bytes)`);
  });

  it.runIf(existsSync('/proc/self/status'))('bounds a file whose size says 0 (a /proc file) by what is read, not by the size', () => {
    expect(statSync('/proc/self/status').size).toBe(0);
    expect(refusal(() => readRegularFile('/proc/self/status', { limit: 16, what: 'a page' }))).toBe('/proc/self/status: holds more than 16 bytes; a page may be at most that');
    // Within the limit, all of it is read (its first line names the process).
    expect(readRegularFile('/proc/self/status', page).toString()).toMatch(/^Name:\t\S+\n[\s\S]*\nPid:\t/);
  });

  it('readOwnFile refuses a link instead of following it', () => {
    expect(readOwnFile(join(dir, 'plain.md'), page)?.toString()).toBe('# page\n');
    expect(refusal(() => readOwnFile(join(dir, 'linked.md'), page))).toBe(`${join(dir, 'linked.md')}: is a symbolic link (to "plain.md"); expected a page, and errcat made no links here`);
    expect(readOwnFile(join(dir, 'missing.md'), page)).toBeNull();
  });
});

describe('writeFileNoFollow: never through a link', () => {
  const folder = mkdtempSync(join(dir, 'write-'));
  const entries = () => readdirSync(folder).sort();

  it('writes a new file and replaces an existing one, keeping its permission bits, leaving no temporary file', () => {
    writeFileNoFollow(join(folder, 'baseline.json'), '{"a":1}\n');
    expect(readFileSync(join(folder, 'baseline.json'), 'utf8')).toBe('{"a":1}\n');
    chmodSync(join(folder, 'baseline.json'), 0o640);
    writeFileNoFollow(join(folder, 'baseline.json'), Buffer.from('{"a":2}\n'), { fsync: false });
    expect(readFileSync(join(folder, 'baseline.json'), 'utf8')).toBe('{"a":2}\n');
    if (unix) expect(statSync(join(folder, 'baseline.json')).mode & 0o777).toBe(0o640);
    expect(entries()).toEqual(['baseline.json']);
  });

  it('refuses a link at the path: the link stays and what it points to is unchanged', () => {
    const target = join(dir, 'bashrc');
    writeFileSync(target, 'export PATH=/usr/bin\n');
    symlinkSync(target, join(folder, 'catalog.json'));
    expect(refusal(() => writeFileNoFollow(join(folder, 'catalog.json'), '$(touch /tmp/pwned)\n'))).toBe(
      `${join(folder, 'catalog.json')}: is a symbolic link (to ${JSON.stringify(target)}); errcat never writes through a link: remove the link, or put a regular file in its place, and run again`,
    );
    expect(readFileSync(target, 'utf8')).toBe('export PATH=/usr/bin\n');
    expect(lstatSync(join(folder, 'catalog.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(folder, 'catalog.json'))).toBe(target);
    // A link to nothing would create its target: refused too.
    symlinkSync(join(dir, 'not-yet'), join(folder, 'dangling.json'));
    expect(refusal(() => writeFileNoFollow(join(folder, 'dangling.json'), 'x'))).toContain('is a symbolic link');
    expect(existsSync(join(dir, 'not-yet'))).toBe(false);
    expect(entries()).toEqual(['baseline.json', 'catalog.json', 'dangling.json']);
  });

  it('refuses a directory at the path', () => {
    mkdirSync(join(folder, 'dir.json'));
    expect(refusal(() => writeFileNoFollow(join(folder, 'dir.json'), 'x'))).toBe(`${join(folder, 'dir.json')}: is a directory, expected a regular file to replace`);
  });

  it('with `within`, refuses a linked folder between it and the file, and a path outside it', () => {
    const sources = join(folder, 'sources');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(join(sources, 'cci'), { recursive: true });
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(sources, 'evil'));
    writeFileNoFollow(join(sources, 'cci', 'baseline.json'), '{}\n', { within: sources });
    expect(readFileSync(join(sources, 'cci', 'baseline.json'), 'utf8')).toBe('{}\n');
    expect(refusal(() => writeFileNoFollow(join(sources, 'evil', 'baseline.json'), '{}\n', { within: sources }))).toBe(
      `${join(sources, 'evil')}: is a symbolic link (to ${JSON.stringify(elsewhere)}); errcat writes into ${sources} only through real folders`,
    );
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(refusal(() => writeFileNoFollow(join(folder, 'x.json'), '{}\n', { within: sources }))).toBe(`${folder}: is not inside ${sources}`);
  });
});

describe('isSafeSegment: one plain file or folder name', () => {
  it('accepts catalog names real projects use', () => {
    for (const name of ['cci', 'vpc', 'SVCSTG.AOM', 'ecs_v2', 'my-service', '错误码', 'a..b']) expect([name, isSafeSegment(name)]).toEqual([name, true]);
  });

  it('refuses what would leave the folder or misbehave on some system, saying why', () => {
    const cases: Array<[string, string]> = [
      ['', 'is empty'],
      ['.', 'is ".", which names a folder, not a new one inside it'],
      ['..', 'is "..", which names a folder, not a new one inside it'],
      ['../x', 'holds a path separator ("/" or "\\")'],
      ['a/b', 'holds a path separator ("/" or "\\")'],
      ['a\\b', 'holds a path separator ("/" or "\\")'],
      ['a\0b', 'holds a control character'],
      ['a\nb', 'holds a control character'],
      ['a\u001b[31m', 'holds a control character'],
      ['.hidden', 'starts with "."'],
      ['.dist.new-1-x', 'starts with "."'],
      ['a:b', 'holds a character Windows does not allow in file names (< > : " | ? *)'],
      ['a*', 'holds a character Windows does not allow in file names (< > : " | ? *)'],
      ['name.', 'ends with "." or a space, which Windows drops'],
      ['name ', 'ends with "." or a space, which Windows drops'],
      ['CON', 'is a name Windows reserves for a device (CON, PRN, AUX, NUL, COM0-9, LPT0-9)'],
      ['nul.json', 'is a name Windows reserves for a device (CON, PRN, AUX, NUL, COM0-9, LPT0-9)'],
      ['COM\u00b9', 'is a name Windows reserves for a device (CON, PRN, AUX, NUL, COM0-9, LPT0-9)'],
      ['com1', 'is a name Windows reserves for a device (CON, PRN, AUX, NUL, COM0-9, LPT0-9)'],
      ['x'.repeat(256), 'is longer than 255 bytes'],
      ['错'.repeat(86), 'is longer than 255 bytes'], // 258 bytes in UTF-8
    ];
    for (const [name, why] of cases) {
      expect([name, unsafeSegmentReason(name)]).toEqual([name, why]);
      expect(isSafeSegment(name)).toBe(false);
    }
    expect(isSafeSegment('console')).toBe(true); // only the device names themselves
    expect(isSafeSegment('错'.repeat(85))).toBe(true); // 255 bytes
  });
});
