import type { Template } from 'aws-cdk-lib/assertions';

type Resource = {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};

/** One IAM statement as synthesized (actions and resources normalised to arrays). */
export interface Statement {
  Effect: string;
  Action: string[];
  Resource: unknown[];
}

/** Logical id of the resource of `type` whose properties have `property` === `value`. */
export function logicalIdOf(template: Template, type: string, property: string, value: unknown): string {
  const matches = Object.entries(template.findResources(type)).filter(
    ([, resource]) => (resource as Resource).Properties?.[property] === value,
  );
  if (matches.length !== 1 || !matches[0])
    throw new Error(`Expected one ${type} with ${property} = ${String(value)}, found ${matches.length}`);
  return matches[0][0];
}

/** Every IAM statement attached (through AWS::IAM::Policy) to the execution role of the function `functionName`. */
export function statementsOfFunction(template: Template, functionName: string): Statement[] {
  const functionId = logicalIdOf(template, 'AWS::Lambda::Function', 'FunctionName', functionName);
  const roleId = (propertiesOf(resourceById(template, functionId)).Role as { 'Fn::GetAtt': [string, string] })[
    'Fn::GetAtt'
  ][0];
  return statementsOfRole(template, roleId);
}

/** Every IAM statement attached (through AWS::IAM::Policy) to the role `roleId`. */
export function statementsOfRole(template: Template, roleId: string): Statement[] {
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
  return policies
    .filter((policy) => (propertiesOf(policy).Roles as { Ref: string }[]).some((role) => role.Ref === roleId))
    .flatMap(statementsOfPolicy);
}

/** Logical id of the execution role of the only state machine. */
export function roleIdOfStateMachine(template: Template): string {
  const properties = onlyResourceProperties(template, 'AWS::StepFunctions::StateMachine');
  return (properties.RoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
}

/** Every IAM statement of every policy in the template. */
export function allStatements(template: Template): Statement[] {
  return (Object.values(template.findResources('AWS::IAM::Policy')) as Resource[]).flatMap(statementsOfPolicy);
}

/** Actions of `statements` that start with `prefix` (e.g. `dynamodb:`), with the resources they apply to. */
export function actionsWithPrefix(statements: Statement[], prefix: string): { action: string; resources: unknown[] }[] {
  return statements.flatMap((statement) =>
    statement.Action.filter((action) => action.startsWith(prefix)).map((action) => ({
      action,
      resources: statement.Resource,
    })),
  );
}

function statementsOfPolicy(policy: Resource): Statement[] {
  return (propertiesOf(policy).PolicyDocument as { Statement: RawStatement[] }).Statement.map(normalise);
}

/** A resource's properties; throws when it has none. */
export function propertiesOf(resource: Resource | undefined): Record<string, unknown> {
  if (!resource?.Properties) throw new Error('Expected a resource with properties');
  return resource.Properties;
}

/** The properties of the only resource of `type`. */
export function onlyResourceProperties(template: Template, type: string): Record<string, unknown> {
  const resources = Object.values(template.findResources(type)) as Resource[];
  if (resources.length !== 1) throw new Error(`Expected one ${type}, found ${resources.length}`);
  return propertiesOf(resources[0]);
}

type RawStatement = { Effect: string; Action: string | string[]; Resource: unknown };

function normalise(statement: RawStatement): Statement {
  return {
    Effect: statement.Effect,
    Action: Array.isArray(statement.Action) ? statement.Action : [statement.Action],
    Resource: Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource],
  };
}

/** The resource as synthesized (type, properties, deletion policies). */
export function resourceById(template: Template, logicalId: string): Resource {
  const resource = (template.toJSON() as { Resources: Record<string, Resource> }).Resources[logicalId];
  if (!resource) throw new Error(`No resource ${logicalId}`);
  return resource;
}
