import { definePackageTestConfig } from '@celebrity-pipeline/testing';

export default definePackageTestConfig({ dynamodb: true });
