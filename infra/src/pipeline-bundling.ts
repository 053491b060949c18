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
   * Nothing external: the AWS SDK is bundled at the workspace's pinned version (one copy, the one the
   * tests ran) instead of whatever v3 release the Lambda runtime ships.
   */
  external: [] as string[],
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
    bundleAwsSDK: true,
    externalModules: [...ESBUILD_OPTIONS.external],
    forceDockerBundling: false,
  };
}
