// Validates SCIM responses the C++ test collected (tests/integration/scim_test.cpp) against the
// SCIM core schemas of a kept library (npm scimmy), not our own code's idea of them.
// Usage: node tests/scim/validate.mjs FILE, FILE holding [{ "kind": …, "body": … }, …].
// Prints one line per problem and exits 1 when there is any.
import { readFileSync } from 'node:fs';
import SCIMMY from 'scimmy';

const ROLES = 'urn:ietf:params:scim:schemas:extension:kronobarn:1.0:User';
const { SchemaDefinition, Attribute } = SCIMMY.Types;
SCIMMY.Schemas.User.extend(new SchemaDefinition('KronobarnRoles', ROLES, 'Roles per unit', [
  new Attribute('complex', 'roles', { multiValued: true }, [
    new Attribute('string', 'unit', { required: true }),
    new Attribute('string', 'role', { required: true }),
  ]),
]), false);

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

function list(body) {
  // The constructor checks totalResults, startIndex, itemsPerPage and the schema.
  const message = new SCIMMY.Messages.ListResponse(body);
  if (!body.schemas?.includes(LIST)) throw new Error('not a ListResponse');
  if (message.Resources.length !== body.Resources.length) throw new Error('Resources lost');
  return body.Resources;
}

const checks = {
  user: (body) => SCIMMY.Schemas.User.definition.coerce(body, 'out'),
  users: (body) => list(body).forEach((user) => SCIMMY.Schemas.User.definition.coerce(user, 'out')),
  spc: (body) => SCIMMY.Schemas.ServiceProviderConfig.definition.coerce(body, 'out'),
  resourcetypes: (body) => list(body).forEach((type) => SCIMMY.Schemas.ResourceType.definition.coerce(type, 'out')),
  schemas: (body) => {
    const known = SCIMMY.Schemas.User.definition.attributes.map((attribute) => attribute.name);
    for (const schema of list(body)) {
      if (!schema.id || !Array.isArray(schema.attributes)) throw new Error(`schema ${schema.id} has no attributes`);
      if (schema.id !== 'urn:ietf:params:scim:schemas:core:2.0:User') continue;
      for (const attribute of schema.attributes) {
        if (!known.includes(attribute.name)) throw new Error(`${attribute.name} is no attribute of the core User`);
      }
    }
  },
  error: (body) => {
    if (JSON.stringify(body.schemas) !== JSON.stringify([ERROR])) throw new Error('schemas is not the Error URN');
    if (typeof body.status !== 'string' || !/^[1-5]\d\d$/.test(body.status)) throw new Error('status is not a string code');
    // The constructor refuses a scimType the RFC does not pair with the status.
    new SCIMMY.Messages.ErrorResponse({ status: Number(body.status), scimType: body.scimType, detail: body.detail });
  },
};

const responses = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let problems = 0;
for (const [index, { kind, body }] of responses.entries()) {
  try {
    if (!checks[kind]) throw new Error(`unknown kind ${kind}`);
    checks[kind](body);
  } catch (error) {
    problems += 1;
    console.log(`#${index} (${kind}): ${error.message}`);
  }
}
console.log(`${responses.length} responses checked, ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
