import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { pipelinePropsOf, readAppContext } from '../src/app-context.js';
import { CelebrityPipelineStack, DEFAULT_STACK_NAME } from '../src/index.js';

// The app only reads context (`-c contact=ops@example.com`, …) and passes props; the construct holds the design.
const app = new App();
const context = readAppContext((key) => app.node.tryGetContext(key));
new CelebrityPipelineStack(app, context.stackName ?? DEFAULT_STACK_NAME, {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  pipeline: pipelinePropsOf(context),
});
// cdk-nag v3: a validation plugin; synth fails on any finding the construct did not acknowledge with a reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
