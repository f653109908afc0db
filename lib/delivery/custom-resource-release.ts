import { Construct, IConstruct } from 'constructs';
import { ITerraformDependable, TerraformStack } from 'cdktf';
import { toYaml } from '../core/yaml';
import { KubernetesObject } from '../core/kubernetes';
import { DNS_LABEL_RULE, isDnsLabel } from '../core/names';
import { claim } from '../core/registry';
import { S } from '../core/shape';
import { uniqueChildId, Validator } from '../core/validation';
import { CHART_DIR, chartPath } from './chart-asset';
import { HELM_RELEASE_SECRET_LIMIT_BYTES, MAX_STORED_RELEASE_BYTES, StoredReleaseInput, storedReleaseBytes, storedReleaseBytesOver } from './release-storage';
import { HELM_KEEP, HELM_RESOURCE_POLICY_ANNOTATION } from '../core/well-known';
import { HelmRelease } from './helm-release';
import { producedString } from './light-resource';

export interface CustomResourceReleaseProps {
  /** Helm release name: a DNS label of at most 53 characters, unique in the namespace. */
  readonly releaseName: string;
  /** Namespace of the release (its objects carry their own namespace). */
  readonly namespace: string;
  /** What must exist first, typically the Strimzi operator release and the namespace. */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Refuse, at plan time, any change that would destroy the release (and uninstall its objects),
   * such as a rename of the construct. Use for the cluster release in production.
   * @default false
   */
  readonly preventDestroy?: boolean;
}

/** How an object is added to a release. */
export interface AddResourceOptions {
  /**
   * Keep the object in the cluster when it leaves the release or the release is uninstalled
   * (`helm.sh/resource-policy: keep`).
   * @default false
   */
  readonly keepOnRemoval?: boolean;
}

interface Entry {
  readonly object: KubernetesObject;
  /** The construct (its path is worked out when needed, not kept per object) or path that added it. */
  readonly owner: IConstruct | string;
}

const pathOf = (owner: IConstruct | string): string => (typeof owner === 'string' ? owner : owner.node.path);

/**
 * Delivers Kubernetes objects (above all Strimzi custom resources) as one `helm_release` of the
 * library's local chart. Helm updates objects in place with a three-way merge and needs no CRD at
 * plan time; the Terraform plan shows the YAML of `values`, which is what a reviewer reads.
 *
 * Objects are rendered sorted by kind and name, so declaration order never shows up as a change.
 */
export class CustomResourceRelease extends Construct {
  /** The nearest release among `scope` and its ancestors, if any. */
  static of(scope: IConstruct): CustomResourceRelease | undefined {
    return scope.node.scopes.reverse().find((s): s is CustomResourceRelease => s instanceof CustomResourceRelease);
  }

  public readonly releaseName: string;
  public readonly namespace: string;
  /** The underlying `helm_release`; depend on it to order other resources after these objects. */
  public readonly release: HelmRelease;
  private readonly entries = new Map<string, Entry>();
  private rendered: string | undefined;
  private storedBytes: number | undefined;

  constructor(scope: Construct, id: string, props: CustomResourceReleaseProps) {
    super(scope, uniqueChildId(scope, id, 'CustomResourceRelease'));
    const v = new Validator(this.node.path);
    v.check(isDnsLabel(props?.releaseName, 53), 'releaseName', props?.releaseName, `${DNS_LABEL_RULE}, at most 53 characters`);
    v.check(isDnsLabel(props?.namespace), 'namespace', props?.namespace, DNS_LABEL_RULE);
    v.throwIfAny();
    claimHelmReleaseName(this, props.namespace, props.releaseName);
    this.releaseName = props.releaseName;
    this.namespace = props.namespace;

    this.release = new HelmRelease(this, 'release', {
      name: props.releaseName,
      namespace: props.namespace,
      chart: chartPath(TerraformStack.of(this)),
      values: [producedString(() => this.renderValues())],
      // Helm cannot judge readiness of custom resources; the operators report it in their status.
      wait: false,
      maxHistory: 10,
      dependsOn: props.dependsOn,
      lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
    });

    // Helm stores every revision as one Secret (gzipped, base64-encoded release: values, manifest, chart) of at most 1 MiB.
    this.node.addValidation({
      validate: () => {
        const size = storedReleaseBytesOver(this.storageInput());
        return size === undefined
          ? []
          : [
              `${this.node.path}: release "${this.releaseName}" would be stored by Helm as a Secret of about ${size} bytes (its values, rendered manifest and chart, gzipped and base64-encoded), over the budget of ${MAX_STORED_RELEASE_BYTES} bytes (Kubernetes' ${HELM_RELEASE_SECRET_LIMIT_BYTES}-byte Secret limit less a 1/16 margin); split its ${this.entries.size} objects over more releases`,
            ];
      },
    });
  }

  /**
   * Adds an object. `owner` (usually the caller's construct path) is named in errors, e.g. when two
   * constructs declare the same object.
   */
  add(object: KubernetesObject, owner: IConstruct | string, options: AddResourceOptions = {}): void {
    const key = `${object.kind}/${object.metadata.namespace ?? this.namespace}/${object.metadata.name}`;
    const existing = this.entries.get(key);
    if (existing) {
      const v = new Validator(pathOf(owner));
      v.fail('metadata.name', object.metadata.name, `a ${object.kind} name not already declared by ${pathOf(existing.owner)} in release "${this.releaseName}"`);
      v.throwIfAny();
    }
    // Across releases of the stack too: two releases owning one object fight over it (and one deletes it).
    const elsewhere = claim<CustomResourceRelease>(TerraformStack.of(this), `object/${key}`, this);
    if (elsewhere !== undefined) {
      const v = new Validator(pathOf(owner));
      v.fail('metadata.name', object.metadata.name, `a ${object.kind} name not already declared by ${pathOf(elsewhere.entries.get(key)!.owner)} in release "${elsewhere.releaseName}"`);
      v.throwIfAny();
    }
    const withPolicy: KubernetesObject = options.keepOnRemoval
      ? {
          ...object,
          metadata: { ...object.metadata, annotations: { ...(object.metadata.annotations ?? {}), [HELM_RESOURCE_POLICY_ANNOTATION]: HELM_KEEP } },
        }
      : object;
    this.entries.set(key, { object: withPolicy, owner });
    this.rendered = undefined;
    this.storedBytes = undefined;
  }

  /** The objects of the release, in the order they are rendered. */
  get resources(): KubernetesObject[] {
    return [...this.entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e.object);
  }

  /**
   * The objects with the path of the construct that added each, in render order; lets aspects such as
   * the production guardrails report a finding on (and honour acknowledgements of) the owning construct.
   */
  get ownedResources(): { readonly object: KubernetesObject; readonly owner: string }[] {
    return [...this.entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => ({ object: e.object, owner: pathOf(e.owner) }));
  }

  /**
   * The estimated size of the Secret Helm stores each revision of this release in (base64 of the gzipped
   * release: values, rendered manifest and chart); synth fails above `MAX_STORED_RELEASE_BYTES`.
   */
  estimatedStoredBytes(): number {
    this.storedBytes ??= storedReleaseBytes(this.storageInput());
    return this.storedBytes;
  }

  private storageInput(): StoredReleaseInput {
    return { name: this.releaseName, namespace: this.namespace, chartDir: CHART_DIR, values: { resources: this.resources }, valuesYaml: this.renderValues() };
  }

  /** The `values` document; rendered once per change, since validation and synth both need it. */
  renderValues(): string {
    this.rendered ??= toYaml({ resources: this.resources });
    return this.rendered;
  }
}

/**
 * Claims a Helm release name in a namespace for `owner`, per stack (one Kubernetes cluster); a second
 * release of that name would take over (and on removal uninstall) the first one's objects.
 */
export function claimHelmReleaseName(owner: IConstruct, namespace: string, releaseName: string): void {
  const earlier = claim(TerraformStack.of(owner), `helm-release/${namespace}/${releaseName}`, owner.node.path);
  if (earlier !== undefined) {
    const v = new Validator(owner.node.path);
    v.fail('releaseName', releaseName, `a Helm release name not already used in namespace "${namespace}" by ${earlier}`);
    v.throwIfAny();
  }
}

/** Shape of a `release` prop: a release made by this library (objects are added to it). */
export const RELEASE_SHAPE = S.instance(CustomResourceRelease, 'a CustomResourceRelease');
