// `npm start`: builds in development mode on every change and serves the result over https on
// https://localhost:3000 (the manifest's placeholder origin) with the certificate that
// `npx office-addin-dev-certs install` puts in ~/.office-addin-dev-certs. No webpack-dev-server:
// a static server is all Office needs, and it keeps the dependency tree small. The development
// build goes to node_modules/.cache/addin-dev so it never replaces the production dist/.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import { homedir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import webpack from 'webpack';

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'node_modules', '.cache', 'addin-dev');
const PORT = Number(process.env.PORT ?? 3000);
const CERT_DIR = join(homedir(), '.office-addin-dev-certs');
const CERT = process.env.DEV_CERT ?? join(CERT_DIR, 'localhost.crt');
const KEY = process.env.DEV_KEY ?? join(CERT_DIR, 'localhost.key');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

type ConfigFactory = (env: unknown, argv: { mode: 'development' | 'production' }) => webpack.Configuration;

function startWatching(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require('../webpack.config.js') as ConfigFactory;
  const config = makeConfig({}, { mode: 'development' });
  const compiler = webpack({ ...config, output: { ...config.output, path: DIST } });
  compiler.watch({ aggregateTimeout: 200 }, (err, stats) => {
    if (err) console.error(err);
    else if (stats) console.log(stats.toString({ colors: true, modules: false, assets: false }));
  });
}

function startServing(): void {
  if (!existsSync(CERT) || !existsSync(KEY)) {
    console.error(`No dev certificate at ${CERT}. Run: npx office-addin-dev-certs install`);
    process.exit(1);
  }
  const server = createServer({ cert: readFileSync(CERT), key: readFileSync(KEY) }, (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'https://localhost').pathname);
    const file = normalize(join(DIST, path === '/' ? 'taskpane.html' : path));
    if (!file.startsWith(DIST + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    // Office caches add-in files hard; during development nothing should be cached.
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  server.listen(PORT, () => console.log(`Serving ${DIST} on https://localhost:${PORT}/taskpane.html`));
}

startWatching();
startServing();
