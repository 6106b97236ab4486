/* eslint-disable */
/**
 * Builds the PlanSheet task pane (src/addin/) into dist/.
 *
 *   npm run build                    production build, Office.js from Microsoft's CDN
 *   OFFICE_JS=local npm run build    copies @microsoft/office-js's dist into dist/office-js/
 *                                    and loads Office.js from there (networks without internet)
 *   ADDIN_URL=https://host/plansheet/ npm run build
 *                                    rewrites https://localhost:3000/ in dist/manifest.xml
 *   npm run dev-server               https://localhost:3000 with office-addin-dev-certs
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
/**
 * The JavaScript level of every shipped file, chosen for the webviews Office
 * add-ins run in (docs/addin.md, "Supported Excel versions"): WebView2
 * (Chromium) on Windows, WKWebView (Safari 14+) on Mac, current browsers for
 * Excel on the web. ES2019 parses in all of them, including Mac webviews
 * before Safari 16.4 (no class static blocks) and 14.1 (no class fields).
 * IE11 and Edge Legacy (Excel 2016/2019 MSI, older Windows) cannot run
 * React 18 / Fluent UI 9 at any level: taskpane.html tells their users what
 * to upgrade in ES5 before the bundle loads.
 */
const BUNDLE_TARGET = 'ES2019';
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

async function httpsOptions() {
  // Only the dev server needs certificates; required lazily so a plain build
  // does not touch the user's certificate store.
  const devCerts = require('office-addin-dev-certs');
  try {
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  } catch (e) {
    // Installing the CA into the trust store can fail (Linux without sudo,
    // locked-down PCs); the generated certificates still serve HTTPS, the
    // browser/Office just has to be told to trust ca.crt by hand.
    const fs = require('fs');
    const dir = require('path').join(require('os').homedir(), '.office-addin-dev-certs');
    const read = (f) => fs.readFileSync(require('path').join(dir, f));
    if (!fs.existsSync(require('path').join(dir, 'localhost.key'))) throw e;
    console.warn(`[plansheet] could not install the dev CA (${e.message.split('\n')[0]}); serving with ${dir} — trust ca.crt manually.`);
    return { ca: read('ca.crt'), key: read('localhost.key'), cert: read('localhost.crt') };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const localOfficeJs = (process.env.OFFICE_JS || env.OFFICE_JS) === 'local';
  const addinUrl = process.env.ADDIN_URL || env.ADDIN_URL || '';
  const officeJsSrc = localOfficeJs ? 'office-js/office.js' : CDN_OFFICE_JS;

  const copy = [
    { from: 'assets/*.png', to: 'assets/[name][ext]' },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform(content) {
        if (dev || !addinUrl) return content;
        const base = addinUrl.endsWith('/') ? addinUrl : addinUrl + '/';
        // Full URLs first, then the bare origin (AppDomain).
        return content.toString().split(DEV_URL).join(base).split(DEV_URL.slice(0, -1)).join(new URL(base).origin);
      },
    },
  ];
  if (localOfficeJs) {
    // Already minified by Microsoft: `minimized` keeps terser off these ~60 MB.
    copy.push({ from: 'node_modules/@microsoft/office-js/dist', to: 'office-js', info: { minimized: true } });
  }

  const config = {
    devtool: dev ? 'source-map' : false,
    entry: { taskpane: './src/addin/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    // webpack's own runtime code at the same level as the rest.
    target: ['web', BUNDLE_TARGET.toLowerCase()],
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', target: BUNDLE_TARGET } } },
        },
        {
          // React, Fluent UI and their helpers ship newer syntax (class static
          // blocks, optional chaining): TypeScript lowers it too, so every byte
          // the pane loads parses at BUNDLE_TARGET (test/addin/bundle.test.ts).
          test: /\.[cm]?js$/,
          include: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { allowJs: true, checkJs: false, module: 'esnext', target: BUNDLE_TARGET, sourceMap: dev } },
          },
        },
        // templates/*.json are imported by src/core/plan/builtin.ts; webpack 5
        // parses JSON natively (type: 'json'), nothing to configure.
      ],
    },
    optimization: {
      // React and Fluent UI change rarely: a separate vendor chunk caches well.
      // Only what the pane loads at start: ExcelJS (the template writer behind
      // 汇总为本级报表) stays in its own chunk, fetched when first used.
      splitChunks: { chunks: 'all', cacheGroups: { vendor: { test: /node_modules/, name: 'vendor', chunks: 'initial' } } },
    },
    performance: {
      maxAssetSize: 1_500_000,
      maxEntrypointSize: 2_000_000,
      hints: dev ? false : 'warning',
      assetFilter: (name) => name.endsWith('.js') && !name.startsWith('office-js/'),
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/addin/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJsSrc },
      }),
      new HtmlWebpackPlugin({
        filename: 'help.html',
        template: './src/addin/taskpane/help.html',
        chunks: [],
      }),
      new CopyWebpackPlugin({ patterns: copy }),
    ],
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: path.resolve(__dirname, 'dist') },
    },
  };
  if (env.WEBPACK_SERVE || (argv.env && argv.env.WEBPACK_SERVE)) {
    config.devServer.server = { type: 'https', options: await httpsOptions() };
  }
  return config;
};
module.exports.BUNDLE_TARGET = BUNDLE_TARGET;
