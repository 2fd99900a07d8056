/**
 * type-graphql puts an adapter in front of every field, run on every call: a plain property goes
 * through a resolve function and the middleware dispatcher; a resolver method gets its parameter list
 * re-sorted and its arguments copied into class instances. A page of 50 quotes with their speakers
 * is over a thousand such calls per request. This pass, run once on the built schema, takes the
 * adapter away where nothing needs it (no middlewares, no @Authorized roles, no validation, no
 * custom parameters):
 * - property fields resolve by GraphQL's default: graphql-jit then reads the property inline, and
 *   so does not wait for a promise there; a property that holds one is marked `@Extensions(PROMISED)`
 *   and gets a plain reader;
 * - queries and field resolvers call their method with parameters gathered by functions chosen
 *   here once. Arguments arrive as GraphQL coerced them, schema defaults applied: plain objects,
 *   which is all our resolvers read (no input or args class has methods or getters).
 * Anything else, mutations included (they carry roles), keeps type-graphql's adapter.
 */
import { getMetadataStorage } from "type-graphql";
import { GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";

type Resolve = GraphQLFieldResolver<any, any>;

/** Extension key of a property field whose value may be a promise (e.g. a connection's totalCount). */
export const PROMISED = "promised";
/** One parameter of a resolver method, from the field's (root, args, context, info). */
type Param = (root: any, args: any, context: any, info: any) => unknown;

interface ParamMetadata {
  kind: string;
  index: number;
  propertyName?: string;
  name?: string;
  getType?: unknown;
  validateSettings?: unknown;
  validateFn?: unknown;
}

interface HandlerMetadata {
  target: Function;
  methodName: string;
  schemaName: string;
  kind?: "internal" | "external";
  params?: ParamMetadata[];
  roles?: unknown[];
  middlewares?: unknown[];
  getObjectType?: () => Function;
}

interface FieldMetadata {
  target: Function;
  name: string;
  schemaName: string;
  extensions?: Record<string, unknown>;
  roles?: unknown[];
  middlewares?: unknown[];
}

/** How a parameter is read, or undefined when it needs type-graphql (conversion, validation, custom). */
function paramReader(param: ParamMetadata): Param | undefined {
  const property = param.propertyName;
  switch (param.kind) {
    case "root":
      if (param.getType) return undefined;
      return property ? (root) => root[property] : (root) => root;
    case "context":
      return property ? (_r, _a, context) => context[property] : (_r, _a, context) => context;
    case "info":
      return (_r, _a, _c, info) => info;
    case "args":
    case "arg": {
      if (param.validateFn || (param.validateSettings !== undefined && param.validateSettings !== false)) return undefined;
      const name = param.name;
      return param.kind === "args" ? (_r, args) => args : (_r, args) => args[name!];
    }
    default:
      return undefined;
  }
}

const plain = (meta: { roles?: unknown[]; middlewares?: unknown[] }) => !meta.roles && !meta.middlewares?.length;

type ResolverInstance = Record<string, (...args: unknown[]) => unknown>;

/** The method called directly with its parameters, or undefined when type-graphql's adapter is needed. */
function directHandler(meta: HandlerMetadata, instances: Map<Function, ResolverInstance>): Resolve | undefined {
  if (!plain(meta) || (meta.target as { length: number }).length > 0) return undefined;
  const readers = [...(meta.params ?? [])].sort((a, b) => a.index - b.index).map(paramReader);
  if (readers.some((read) => read === undefined)) return undefined;
  // Resolver classes hold no state: one instance per class, as type-graphql's default container keeps.
  let instance = instances.get(meta.target);
  if (!instance) instances.set(meta.target, (instance = new (meta.target as new () => ResolverInstance)()));
  const method = instance[meta.methodName]!;
  const [a, b, c, d] = readers as Param[];
  switch (readers.length) {
    case 0: return () => method.call(instance);
    case 1: return (r, x, ctx, i) => method.call(instance, a!(r, x, ctx, i));
    case 2: return (r, x, ctx, i) => method.call(instance, a!(r, x, ctx, i), b!(r, x, ctx, i));
    case 3: return (r, x, ctx, i) => method.call(instance, a!(r, x, ctx, i), b!(r, x, ctx, i), c!(r, x, ctx, i));
    case 4: return (r, x, ctx, i) => method.call(instance, a!(r, x, ctx, i), b!(r, x, ctx, i), c!(r, x, ctx, i), d!(r, x, ctx, i));
    default: return (r, x, ctx, i) => method.apply(instance, (readers as Param[]).map((read) => read(r, x, ctx, i)));
  }
}

/** Replaces type-graphql's per-call adapters where they do nothing; returns how many fields changed. */
export function directResolvers(schema: GraphQLSchema, resolverClasses: readonly Function[]): number {
  const storage = getMetadataStorage() as unknown as {
    queries: HandlerMetadata[];
    fieldResolvers: HandlerMetadata[];
    objectTypes: { name: string; target: Function; fields?: FieldMetadata[]; interfaceClasses?: Function[] }[];
    interfaceTypes: { target: Function; fields?: FieldMetadata[] }[];
  };
  let changed = 0;
  const instances = new Map<Function, ResolverInstance>();
  const replace = (fields: Record<string, { resolve?: Resolve }>, name: string, resolve: Resolve | undefined) => {
    if (!fields[name]) return;
    fields[name].resolve = resolve;
    changed++;
  };

  const queryFields = schema.getQueryType()?.getFields() ?? {};
  for (const query of storage.queries) {
    const direct = resolverClasses.includes(query.target) ? directHandler(query, instances) : undefined;
    if (direct) replace(queryFields, query.schemaName, direct);
  }

  // The same matching type-graphql does when it builds an object type's fields (its interfaces' first).
  const fieldResolvers = storage.fieldResolvers.filter((r) => r.kind === "internal" || resolverClasses.includes(r.target));
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!(type instanceof GraphQLObjectType)) continue;
    const interfaces = storage.interfaceTypes.filter((i) => objectType.interfaceClasses?.includes(i.target));
    const declared = new Map<string, FieldMetadata>();
    for (const field of [...interfaces.flatMap((i) => i.fields ?? []), ...(objectType.fields ?? [])]) declared.set(field.schemaName, field);
    const fields = type.getFields() as Record<string, { resolve?: Resolve }>;
    for (const [schemaName, field] of declared) {
      const resolver = fieldResolvers.find((r) => r.getObjectType?.() === field.target && r.methodName === field.name);
      if (!resolver) {
        if (!plain(field)) continue;
        const property = field.name;
        const inline = property === schemaName && !field.extensions?.[PROMISED];
        replace(fields, schemaName, inline ? undefined : (root) => root[property]);
      } else if (resolver.kind === "external") {
        const direct = directHandler(resolver, instances);
        if (direct) replace(fields, schemaName, direct);
      }
    }
  }
  return changed;
}
