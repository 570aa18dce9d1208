// Builds web/assets/ from npm packages, web/styles/ and web/scripts/: one stylesheet (Designsystemet's
// theme and components, then Kronobarn's own layer) and one small script. Run by scripts/setup; no
// bundler needed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path) => readFileSync(join(root, path), 'utf8');

const parts = [
  ['Designsystemet theme (MIT)', 'node_modules/@digdir/designsystemet-theme/src/themes/designsystemet.css'],
  ['Designsystemet components (MIT)', 'node_modules/@digdir/designsystemet-css/dist/src/index.css'],
  ['Kronobarn', 'web/styles/app.css'],
];

const css = parts.map(([label, path]) => `/* ${label}: ${path} */\n${read(path)}\n`).join('\n');
mkdirSync(join(root, 'web/assets'), { recursive: true });
writeFileSync(join(root, 'web/assets/kronobarn.css'), css);
console.log(`build-assets: web/assets/kronobarn.css (${Math.round(css.length / 1024)} KiB)`);
// The one script (an enhancement: pages work without it), served as it is written.
writeFileSync(join(root, 'web/assets/kronobarn.js'), read('web/scripts/kronobarn.js'));
