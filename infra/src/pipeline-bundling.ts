import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * ESM bundles need `require` for the CommonJS code they inline (Powertools, axios' deps); without this
 * banner the module fails at load with `Dynamic require of "util" is not supported` (TOOLCHAIN pitfall 7).
 */
export const CREATE_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * The esbuild options of every function, as data: the CDK bundling below and `scripts/bundle-size.ts` both
 * derive from it, so the size report measures what is deployed.
 */
export const ESBUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  banner: CREATE_REQUIRE_BANNER,
  /**
   * The AWS SDK v3 comes from the nodejs22.x runtime (CDK's default for Node 18+). Bundled, the SDK and its
   * @smithy core add ~300 kB to every function and push the scrapers past the 1 MB target (measured: 1.19 MB
   * for the scraper kit alone); the runtime's v3 release is API-compatible with the pinned 3.1162.0 the tests
   * ran, and it is the copy AWS patches.
   */
  external: ['@aws-sdk/*'],
} as const;

/** CDK `NodejsFunction` bundling options equivalent to {@link ESBUILD_OPTIONS}; always local esbuild. */
export function pipelineBundlingOptions(): BundlingOptions {
  return {
    format: OutputFormat.ESM,
    target: ESBUILD_OPTIONS.target,
    mainFields: [...ESBUILD_OPTIONS.mainFields],
    minify: ESBUILD_OPTIONS.minify,
    sourceMap: ESBUILD_OPTIONS.sourcemap,
    sourcesContent: ESBUILD_OPTIONS.sourcesContent,
    banner: ESBUILD_OPTIONS.banner,
    bundleAwsSDK: false,
    externalModules: [...ESBUILD_OPTIONS.external],
    forceDockerBundling: false,
  };
}
