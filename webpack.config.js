// Production build of the add-in: task pane, ribbon function file, their pages, icons, and
// dist/manifest.xml with the placeholder origin replaced by the hosting URL
// (ADDIN_URL=https://host/path npm run build, or addin.config.json { "url": ... }).
'use strict';
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { PLACEHOLDER_ORIGIN, resolveAddinUrl, rewriteManifest } = require('./scripts/addinUrl.cjs');
const { budgetLine, taskpaneJsSize } = require('./scripts/bundleSize.cjs');
const { LOCAL_DIR, officeJsPackageDir, officeJsSource, rewriteOfficeJs } = require('./scripts/officeJs.cjs');
const { addContentSecurityPolicy, contentSecurityPolicy, pageProblems } = require('./scripts/pageSecurity.cjs');

const DIST = path.resolve(__dirname, 'dist');

/** Prints the gzipped size of the pane's JavaScript once the files are on disk. */
class TaskpaneBudgetPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('TaskpaneBudgetPlugin', (compilation) => {
      if (compilation.errors.length > 0) return;
      try {
        console.log(budgetLine(taskpaneJsSize(compiler.options.output.path)));
      } catch (e) {
        console.warn(`taskpane JS gzip: not measured (${e.message})`);
      }
    });
  }
}

/** OFFICE_JS=local: every page loads office.js from beside it instead of the CDN. */
class OfficeJsSourcePlugin {
  constructor(src) {
    this.src = src;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap('OfficeJsSourcePlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('OfficeJsSourcePlugin', (data) => {
        if (data.html.includes('appsforoffice.microsoft.com')) data.html = rewriteOfficeJs(data.html, this.src);
        return data;
      });
    });
  }
}

/**
 * Puts the Content-Security-Policy in every page (scripts/pageSecurity.cjs) and fails the build when a
 * page breaks it: an inline script, an event-handler attribute, a script from another origin.
 * Registered after OfficeJsSourcePlugin, so it checks the page as served.
 */
class PageSecurityPlugin {
  constructor(policy) {
    this.policy = policy;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap('PageSecurityPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('PageSecurityPlugin', (data) => {
        data.html = addContentSecurityPolicy(data.html, this.policy);
        const problems = pageProblems(data.html, this.policy);
        if (problems.length > 0) {
          compilation.errors.push(new Error(`${data.outputName}: ${problems.join('; ')}`));
        }
        return data;
      });
    });
  }
}

module.exports = (_env, argv) => {
  const production = (argv && argv.mode) !== 'development';
  const officeJs = officeJsSource(process.env);
  if (officeJs.mode === 'local') console.log(`office.js served from dist/${LOCAL_DIR}/ (OFFICE_JS=local)`);
  const hosting = resolveAddinUrl(process.env, path.resolve(__dirname, 'addin.config.json'));
  if (production && hosting.source === 'placeholder') {
    console.warn(`dist/manifest.xml will point at ${PLACEHOLDER_ORIGIN}: set ADDIN_URL or addin.config.json to host it elsewhere`);
  } else {
    console.log(`built manifest.xml → ${hosting.url} (from ${hosting.source})`);
  }

  const page = (filename, template, chunks) =>
    new HtmlWebpackPlugin({ filename, template: path.resolve(__dirname, template), chunks, scriptLoading: 'defer' });

  return {
    mode: production ? 'production' : 'development',
    // No eval-based source maps: the pages' Content-Security-Policy has no 'unsafe-eval'.
    devtool: production ? false : 'cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      result: './src/commands/result.ts',
    },
    output: {
      path: DIST,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].chunk.js' : '[name].chunk.js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type errors are `npm run typecheck`'s job; the bundle only needs the JavaScript.
          use: { loader: 'ts-loader', options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [
      page('taskpane.html', 'src/taskpane/taskpane.html', ['taskpane']),
      page('commands.html', 'src/commands/commands.html', ['commands']),
      page('commands-result.html', 'src/commands/commands-result.html', ['result']),
      page('support.html', 'src/commands/support.html', []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          ...(officeJs.mode === 'local' ? [{ from: officeJsPackageDir(), to: LOCAL_DIR }] : []),
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: { transformer: (content) => rewriteManifest(content.toString('utf8'), hosting.url) },
          },
        ],
      }),
      // The budget is about the production bundle; a development build is many times larger.
      ...(officeJs.mode === 'local' ? [new OfficeJsSourcePlugin(officeJs.src)] : []),
      new PageSecurityPlugin(contentSecurityPolicy(officeJs.mode)),
      ...(production ? [new TaskpaneBudgetPlugin()] : []),
    ],
    performance: {
      hints: production ? 'warning' : false,
      // Raw (not gzipped) sizes; the gzip budget of 400 KB is printed by TaskpaneBudgetPlugin.
      maxEntrypointSize: 1600 * 1024,
      maxAssetSize: 1600 * 1024,
      assetFilter: (file) => file.endsWith('.js') && !file.startsWith(`${LOCAL_DIR}/`),
    },
  };
};
