// Preloaded (node -r) by compare.js into each timed run: prints the process's CPU time (user +
// system, microseconds) as the last line of stderr when it exits.
'use strict';
const { writeSync } = require('node:fs');

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  writeSync(2, `\n@@cpu ${user + system}\n`);
});
