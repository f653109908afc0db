import { isStorageSize, STORAGE_SIZE_RULE } from '../quantity';
import { refuseBadShape, S } from '../shape';
import { Validator } from '../validation';

export interface VolumeOptions {
  /** Size of the claim, e.g. `100Gi`. */
  readonly size: string;
  /** StorageClass of the claim. @default - the cluster's default StorageClass */
  readonly storageClass?: string;
  /**
   * Delete the PersistentVolumeClaim (and so the data) when the node is removed.
   * @default false - claims are kept; the production guardrails require false
   */
  readonly deleteClaim?: boolean;
}

export interface JbodVolume extends VolumeOptions {
  /** Volume id, unique within the pool. */
  readonly id: number;
}

const VOLUME_FIELDS = {
  size: S.string({ describe: 'a Kubernetes quantity of bytes (a string such as "100Gi")' }),
  storageClass: S.optional(S.string()),
  deleteClaim: S.optional(S.boolean()),
};
const VOLUME_SHAPE = S.object(VOLUME_FIELDS);
const JBOD_SHAPE = S.object({
  volumes: S.array(S.object({ id: S.number('a volume id (a number)'), ...VOLUME_FIELDS }), { describe: 'an array of volumes, each an object with id and size' }),
  metadataVolumeId: S.optional(S.number('a volume id (a number)')),
});

/**
 * Persistent storage of a node pool. Always rendered as JBOD so volumes can be added later
 * without changing the storage type; exactly one volume holds the KRaft metadata log.
 */
export class Storage {
  /** One persistent volume (id 0), which also holds the KRaft metadata. */
  static persistentClaim(options: VolumeOptions): Storage {
    refuseBadShape('Storage.persistentClaim', 'options', options, VOLUME_SHAPE);
    return new Storage([{ id: 0, ...options }], 0);
  }

  /** Several volumes; the KRaft metadata goes on `metadataVolumeId` (default: the first). */
  static jbod(volumes: readonly JbodVolume[], metadataVolumeId?: number): Storage {
    refuseBadShape('Storage.jbod', '', { volumes, metadataVolumeId }, JBOD_SHAPE);
    return new Storage(volumes, metadataVolumeId ?? volumes[0]?.id ?? 0);
  }

  private constructor(
    public readonly volumes: readonly JbodVolume[],
    public readonly metadataVolumeId: number,
  ) {}

  /** True when any volume would delete its claim with the node. */
  get deletesClaims(): boolean {
    return this.volumes.some((v) => v.deleteClaim === true);
  }

  validate(v: Validator, field: string): void {
    v.check(this.volumes.length > 0, `${field}.volumes`, this.volumes, 'at least one volume');
    v.unique(`${field}.volumes[].id`, this.volumes.map((vol) => String(vol.id)));
    v.check(
      this.volumes.some((vol) => vol.id === this.metadataVolumeId),
      `${field}.metadataVolumeId`,
      this.metadataVolumeId,
      `the id of one of the volumes (${this.volumes.map((vol) => vol.id).join(', ')})`,
    );
    this.volumes.forEach((vol, i) => {
      v.integer(`${field}.volumes[${i}].id`, vol.id, 0);
      v.check(isStorageSize(vol.size), `${field}.volumes[${i}].size`, vol.size, STORAGE_SIZE_RULE);
    });
  }

  toStrimzi(): Record<string, unknown> {
    return {
      type: 'jbod',
      volumes: this.volumes.map((vol) => {
        const out: Record<string, unknown> = { id: vol.id, type: 'persistent-claim', size: vol.size };
        if (vol.storageClass) out.class = vol.storageClass;
        out.deleteClaim = vol.deleteClaim ?? false;
        if (vol.id === this.metadataVolumeId) out.kraftMetadata = 'shared';
        return out;
      }),
    };
  }
}
