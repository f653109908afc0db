import { Construct } from 'constructs';
import { dependable, IResolvable, IResolveContext, ITerraformDependable, TerraformMetaArguments, TerraformProviderGeneratorMetadata, TerraformResource, TerraformStack, Token, Tokenization } from 'cdktf';

/**
 * What a light resource class needs to know about its Terraform type: the generated provider class it
 * stands in for (loaded only to write HCL), and which attributes are maps.
 */
export interface LightResourceType {
  /** Terraform resource type, e.g. `kubernetes_job_v1`. */
  readonly type: string;
  /** As the generated class declares it (cdktf's provider-presence check reads it). */
  readonly provider: TerraformProviderGeneratorMetadata;
  /** Attributes whose value is a map: its keys are data (label keys, file names), never converted. */
  readonly maps: ReadonlySet<string>;
  /** Loads the provider's generated class; only `cdktf synth --hcl` needs it. */
  readonly generated: () => new (scope: Construct, id: string, config: never) => TerraformResource;
}

/** `fooBarBaz` to `foo_bar_baz`, how the providers name every attribute of the schemas used here. */
export function snakeCaseAttribute(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, (_m, a: string, b: string) => `${a}_${b.toLowerCase()}`).toLowerCase();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && (value.constructor === Object || Object.getPrototypeOf(value) === null);
}

/**
 * The struct as the generated output references hand it to their converters: a nested block reached
 * through them (not through a list) with fields but none of them set is left out.
 */
function pruneUnset(value: unknown, throughReference: boolean, maps: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => pruneUnset(item, false, maps));
  if (!isPlainObject(value) || Tokenization.isResolvable(value)) return value;
  const keys = Object.keys(value);
  if (throughReference && keys.length > 0 && keys.every((k) => value[k] === undefined)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = maps.has(key) ? value[key] : pruneUnset(value[key], throughReference, maps);
  return out;
}

/**
 * A pruned struct as Terraform JSON, as the generated `...ToTerraform` functions write it: keys in snake
 * case, maps and tokens as they are. Unset fields are left out here rather than by cdktf's resolver.
 */
function toTerraformJson(value: unknown, maps: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => toTerraformJson(item, maps));
  if (!isPlainObject(value) || Tokenization.isResolvable(value)) return value;
  return fieldsJson(value, maps);
}

/** The fields of a block (or of the resource) as Terraform JSON; a map attribute's keys are kept as they are. */
function fieldsJson(fields: Record<string, unknown>, maps: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) {
    const v = fields[key];
    if (v === undefined) continue;
    out[snakeCaseAttribute(key)] = maps.has(key) && isPlainObject(v) ? { ...v } : toTerraformJson(v, maps);
  }
  return out;
}

/**
 * Whether Terraform JSON holds anything cdktf must resolve: a resolvable, an encoded token in a string or
 * key (`${TfToken[`, `#{TfToken[`, `&{TfToken[`), a number token, or a string that may hold one.
 */
export function containsTokens(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('TfToken[') || /\de\+2\d\d/.test(value);
  if (typeof value === 'number') return Token.isUnresolved(value);
  if (Array.isArray(value)) return value.some(containsTokens);
  if (typeof value !== 'object' || value === null) return false;
  if (!isPlainObject(value) || Tokenization.isResolvable(value)) return true;
  return Object.keys(value).some((k) => containsTokens(k) || containsTokens(value[k]));
}

/**
 * A token-free attribute value, resolved by cdktf as usual, except in its preparing pass: that pass (run
 * before the aspects, its result discarded) looks for cross-stack references, and a token-free value has none.
 */
export class PreparedValue implements IResolvable {
  public readonly creationStack: string[] = [];
  constructor(public readonly value: unknown) {}

  resolve(context: IResolveContext): unknown {
    return context.preparing ? undefined : this.value;
  }

  toString(): string {
    return Token.asString(this);
  }
}

/** cdktf's depends_on token of each dependency not addressed directly (other stacks, modules, data sources). */
const DEPENDABLE_TOKENS = new WeakMap<ITerraformDependable, string>();

/**
 * A dependency as depends_on names it: a resource of the same stack by its address, as its `fqn` token
 * resolves there (`type.logical_id`), so that neither cdktf's depends_on token nor the resource's `fqn`
 * token (each created with a stack trace of its creation) is made; anything else through cdktf's token.
 */
function addressOf(scope: Construct, d: ITerraformDependable): string {
  if (TerraformResource.isTerraformResource(d) && TerraformStack.of(d) === TerraformStack.of(scope)) return `${d.terraformResourceType}.${d.friendlyUniqueId}`;
  let token = DEPENDABLE_TOKENS.get(d);
  if (token === undefined) {
    token = dependable(d);
    DEPENDABLE_TOKENS.set(d, token);
  }
  return token;
}

/** A value produced when cdktf resolves it, like cdktf's `Lazy`, without the stack trace `Lazy` captures. */
class Produced implements IResolvable {
  public readonly creationStack: string[] = [];
  constructor(private readonly produce: () => unknown) {}

  resolve(): unknown {
    return this.produce();
  }

  toString(): string {
    return Token.asString(this);
  }
}

/**
 * A string produced at synth, for values that are complete only once the whole stack is built (a release's
 * objects). cdktf's `Lazy.stringValue` does the same but captures (and formats) the full stack trace of its
 * creation, the costliest part of creating it, for an error message the library never needs.
 */
export function producedString(produce: () => string): string {
  return Token.asString(new Produced(produce));
}

const META_ARGUMENTS = new Set<string>(['dependsOn', 'count', 'provider', 'lifecycle', 'forEach', 'provisioners', 'connection']);

/**
 * A Terraform resource written without the provider's generated class. It takes the generated class's
 * configuration and writes the same JSON under the same address, but costs nothing to load (the
 * generated Job and CronJob modules are about 5 MB each) and creates no token per nested block (the
 * generated classes create an object with a captured stack trace for each), and it writes only the
 * attributes that are set, where the generated class hands cdktf's resolver every attribute of the
 * schema on every pass. What it lacks are the generated attribute getters: reference attributes with
 * `getStringAttribute('...')` and friends. HCL output (`cdktf synth --hcl`) is written by the generated class.
 */
export abstract class LightResource<C extends TerraformMetaArguments> extends TerraformResource {
  /** The configuration as given (what the generated class takes). */
  public readonly config: C;
  private readonly lightType: LightResourceType;
  /** The attributes as Terraform JSON, written once (the config is what the constructor was given). */
  private json?: { readonly attributes: Record<string, unknown>; readonly hasTokens: boolean };

  protected constructor(scope: Construct, id: string, type: LightResourceType, config: C) {
    super(scope, id, {
      terraformResourceType: type.type,
      terraformGeneratorMetadata: type.provider,
      provider: config.provider,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach,
    });
    this.config = config;
    this.lightType = type;
    if (config.dependsOn) {
      // `dependsOn` as cdktf's TerraformResource keeps it (Terraform addresses), worked out at synth: a
      // dependency of the same stack by its address, anything else through cdktf's own token, made once.
      let dependencies: readonly (ITerraformDependable | string)[] = [...config.dependsOn];
      Object.defineProperty(this, 'dependsOn', {
        configurable: true,
        enumerable: true,
        get: () => dependencies.map((d) => (typeof d === 'string' ? d : addressOf(scope, d))),
        set: (value: string[] | undefined) => {
          dependencies = value ?? [];
        },
      });
    }
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    if (!this.json) {
      const attributes = fieldsJson(this.attributes(), this.lightType.maps);
      this.json = { attributes, hasTokens: containsTokens(attributes) };
    }
    // Overrides are merged into the attributes, which a token cannot take; tokens may need the preparing pass.
    if (this.json.hasTokens || Object.keys(this.rawOverrides).length > 0) return this.json.attributes;
    return Object.fromEntries(Object.entries(this.json.attributes).map(([k, v]) => [k, new PreparedValue(v)]));
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    // The generated class, on a stack of its own outside the app: it writes the HCL attributes, nothing else.
    const scratch = new TerraformStack(new Construct(undefined as unknown as Construct, ''), 'hcl');
    const Generated = this.lightType.generated();
    const generated = new Generated(scratch, 'resource', this.attributes() as never) as unknown as { synthesizeHclAttributes(): { [name: string]: unknown } };
    return generated.synthesizeHclAttributes();
  }

  /** The resource's own attributes (no meta-arguments), pruned as the generated class prunes them. */
  private attributes(): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(this.config)
        .filter(([k]) => !META_ARGUMENTS.has(k))
        .map(([k, v]) => [k, pruneUnset(v, true, this.lightType.maps)]),
    );
  }
}
