// asl-validator 4.0.0 ships no type declarations; this is the part of its API the tests use.
declare module 'asl-validator' {
  interface AslValidationResult {
    isValid: boolean;
    errors: Array<{ 'Error code': string; Message: string }>;
  }
  function validator(definition: unknown, options?: { checkPaths?: boolean; checkArn?: boolean }): AslValidationResult;
  export = validator;
}
